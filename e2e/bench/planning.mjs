// The auto-planner on 10,000 and 20,000 devices (60 departments, 5 teams, 180 days), and the plan's
// risk-weighted exposure (sum of CVSS x days until isolated) beside a naive first-come plan on the same data.
import { join } from 'node:path';
import { loadScenario, summary, withTempDir } from './measure.mjs';

const RUNS = 3;

export async function run() {
  return withTempDir(async (dir) => {
    const { measure } = await loadScenario('planning-scenario');
    const rows = [];
    const results = {};
    for (const devices of [10_000, 20_000]) {
      const result = await measure(join(dir, `plan-${devices}.sqlite`), devices, RUNS);
      results[devices] = result;
      const ms = summary(result.samples);
      rows.push({
        name: `planning: ${devices} devices, 60 departments, 5 teams, 180 days (${result.tasks} tasks, ${result.breaches} breaches)${devices === 10_000 ? '; goal 1000 ms' : ''}`,
        ms,
      });
    }
    rows.push({
      name: 'planning: 10,000 devices, first plan in a fresh process (time-zone tables not yet cached)',
      text: `${results[10_000].cold.toFixed(0)} ms`,
    });
    const ratio = summary(results[20_000].samples).median / summary(results[10_000].samples).median;
    rows.push({ name: 'planning: 20,000 / 10,000 time ratio (goal at most 2.5)', text: ratio.toFixed(2) });
    const r = results[10_000];
    rows.push({
      name: 'planning: moving one window on the 10,000-device plan, the save',
      ms: summary(r.move.save),
    });
    rows.push({
      name: 'planning: moving one window on the 10,000-device plan, the week listed again with its conflicts',
      ms: summary(r.move.list),
    });
    rows.push({
      name: 'planning: exposure, CVSS x days until isolated, 10,000 devices (priority plan / naive first-come)',
      text: `${Math.round(r.exposure)} / ${Math.round(r.naiveExposure)} (${((1 - r.exposure / r.naiveExposure) * 100).toFixed(1)}% less)`,
    });
    return rows;
  });
}
