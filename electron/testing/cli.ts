import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The built CLI, as `npm install` leaves it: the tests run it the way a person or a script does. */
export const CLI = join(import.meta.dirname, '..', '..', 'dist', 'electron', 'cli.cjs');

/** `isopatch ARGS` in a process of its own; ISOPATCH_DB is cleared unless `env` sets it. */
export function isopatch(args: readonly string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ISOPATCH_DB: '', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `isopatch --db DB ARGS`. */
export const isopatchOn = (db: string, ...args: string[]) => isopatch(['--db', db, ...args]);
