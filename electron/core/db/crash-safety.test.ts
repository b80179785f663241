import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CrashOperation, runCrashTrials } from '../../testing/crash-harness';
import { tempDir } from '../../testing/temp';

const CLI = join(import.meta.dirname, '..', '..', '..', 'dist', 'electron', 'cli.cjs');

/**
 * The suite's own proof of crash safety, kept quick: two SIGKILLs per operation. `npm run bench` runs the same
 * harness with twenty per operation on larger data (README, "Reliability").
 */
describe('a crash in the middle of a write', () => {
  it.each<[CrashOperation, number]>([
    ['import-devices', 4000],
    ['plan --apply', 600],
    ['undo-import', 4000],
  ])(
    '%s (%i) killed with SIGKILL leaves a sound file holding exactly the state before or after',
    async (operation, size) => {
      const seed = Number(process.env.ISOPATCH_CRASH_SEED ?? Date.now() % 1_000_000);
      const report = await runCrashTrials({ cli: CLI, workDir: tempDir(), operation, kills: 2, size, seed });
      expect(report.failures, `seed ${seed}`).toEqual([]);
      expect(report.killed).toBe(2);
      expect(report.before + report.after).toBe(report.killed);
    },
    120_000,
  );
});
