// Matching 100,000 devices against the bundled advisories (and the sample CSAF files where ../shared is present):
// `isopatch confirm-match`, which stores a rule and then recomputes every match.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeInventory } from './inventory.mjs';
import { root, summary, withTempDir } from './measure.mjs';

const ROWS = 100_000;
const RUNS = 3;
const SAMPLES = join(root, '..', 'shared', 'data', 'csaf', 'advisories');

export async function run() {
  return withTempDir(async (dir) => {
    const cli = (...args) => {
      const started = performance.now();
      const result = spawnSync(
        process.execPath,
        [join(root, 'dist', 'electron', 'cli.cjs'), '--db', join(dir, 'm.sqlite'), ...args],
        { encoding: 'utf8' },
      );
      if (result.status !== 0 && result.status !== 1)
        throw new Error(`isopatch ${args[0]} failed: ${result.stderr}`);
      return performance.now() - started;
    };
    writeInventory(join(dir, 'inventory.csv'), ROWS);
    cli('import-devices', join(dir, 'inventory.csv'));
    const advisories = existsSync(SAMPLES) ? readdirSync(SAMPLES).filter((f) => f.endsWith('.json')) : [];
    for (const file of advisories) cli('import-advisory', '--accept-findings', join(SAMPLES, file));
    const startup = summary(Array.from({ length: RUNS }, () => cli('status')));
    const samples = Array.from({ length: RUNS }, () =>
      cli('confirm-match', '--model', 'Symbia T16', '--family', 'SPECT/CT Systems'),
    );
    return [
      {
        name: `matching: ${ROWS} devices, ${advisories.length + 2} advisories (confirm-match, whole command; goal 2000 ms)`,
        ms: summary(samples),
      },
      { name: 'matching: of which process start and open (isopatch status)', ms: startup },
    ];
  });
}
