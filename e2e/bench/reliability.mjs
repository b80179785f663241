import { join } from 'node:path';
import { loadScenario, root, withTempDir } from './measure.mjs';

const KILLS_PER_OPERATION = Number(process.env.ISOPATCH_BENCH_KILLS ?? 20);
const FUZZ_PER_IMPORTER = Number(process.env.ISOPATCH_BENCH_FUZZ ?? 10_000);
const CRASHES = [
  ['import-devices', 20_000],
  ['plan --apply', 3_000],
  ['undo-import', 20_000],
];
const FUZZ = [
  ['inventory', 'CSV/XLSX importer'],
  ['advisory', 'CSAF importer'],
  ['site-model', 'site-model JSON'],
  ['operations', 'every router operation (random operation and input)'],
];

export async function run() {
  const { crash, fuzzTarget } = await loadScenario('reliability-scenario');
  const cli = join(root, 'dist', 'electron', 'cli.cjs');
  const seed = Number(process.env.ISOPATCH_BENCH_SEED ?? Date.now() % 1_000_000);
  const rows = [];
  // Each figure is also printed as it comes: the whole run takes a while.
  const add = (row) => {
    rows.push(row);
    console.error(`reliability: ${row.name}: ${row.text}`);
  };
  let killed = 0;
  for (const [operation, size] of CRASHES) {
    const report = await withTempDir((dir) => crash(cli, dir, operation, size, KILLS_PER_OPERATION, seed));
    if (report.failures.length > 0)
      throw new Error(`crash safety (seed ${seed}): ${report.failures.join('; ')}`);
    killed += report.killed;
    add({
      name: `crash: ${operation} (${size.toLocaleString('en')}), SIGKILL at random moments of a ${report.referenceMs.toFixed(0)} ms run: survived (as before / as after; finished first)`,
      text: `${report.killed} (${report.before} / ${report.after}; ${report.finishedFirst})`,
    });
  }
  add({
    name: `crash: runs killed and survived, integrity_check ok and every table before or after (seed ${seed})`,
    text: String(killed),
  });
  let inputs = 0;
  for (const [target, label] of FUZZ) {
    const stats = await withTempDir((dir) => fuzzTarget(dir, target, FUZZ_PER_IMPORTER, seed));
    inputs += stats.inputs;
    add({
      name: `fuzz: ${label}: inputs (accepted / rejected with a typed error, db unchanged), slowest ${stats.slowestMs.toFixed(0)} ms`,
      text: `${stats.inputs} (${stats.accepted} / ${stats.rejected})`,
    });
  }
  add({
    name: `fuzz: generated inputs, all answered in time and typed (seed ${seed})`,
    text: String(inputs),
  });
  return rows;
}
