// CLI: `isopatch status` on an empty database, the whole process from start to exit.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root, summary, withTempDir } from './measure.mjs';

const RUNS = 10;

export async function run() {
  return withTempDir(async (dir) => {
    const db = join(dir, 'empty.sqlite');
    const cli = join(root, 'dist', 'electron', 'cli.cjs');
    spawnSync(process.execPath, [cli, '--db', db, 'status']); // creates the database; not timed
    const samples = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const result = spawnSync(process.execPath, [cli, '--db', db, 'status', '--json']);
      samples.push(performance.now() - started);
      if (result.status !== 0) throw new Error(`isopatch status failed: ${result.stderr}`);
    }
    return [{ name: 'cli: isopatch status on an empty database', ms: summary(samples) }];
  });
}
