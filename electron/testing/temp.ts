import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { type CoreSession, openSession } from '../core/session';

/** A fresh folder for one test, removed when the test ends. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'isopatch-test-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const FIXED_NOW = new Date('2026-11-29T10:00:00.000Z');

/** A real database file in a fresh folder, opened like the app opens it. */
export async function openTestSession(
  path = join(tempDir(), 'isopatch.sqlite'),
  now: () => Date = () => FIXED_NOW,
): Promise<Extract<CoreSession, { state: 'open' }>> {
  const session = await openSession(path, { osUser: 'tester', systemTimeZone: 'Europe/Berlin', now });
  if (session.state !== 'open') throw new Error(session.error.message);
  onTestFinished(() => {
    if (session.ctx.db.open) session.ctx.db.close();
  });
  return session;
}
