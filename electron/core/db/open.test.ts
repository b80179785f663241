import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FIXED_NOW, tempDir } from '../../testing/temp';
import { DatabaseRefusedError } from '../errors';
import { BACKUPS_KEPT, listBackups } from './backup';
import { APPLICATION_ID } from './inspect';
import { openDatabase } from './open';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A healthy Isopatch database with a few pages of data, closed. */
async function healthyDatabase(dir = tempDir()): Promise<string> {
  const path = join(dir, 'isopatch.sqlite');
  const opened = await openDatabase(path, { now: () => FIXED_NOW });
  const insert = opened.db.prepare(
    "INSERT INTO device (asset_tag, model, created_at, updated_at) VALUES (?, 'Symbia T16', 'x', 'x')",
  );
  opened.db.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(`A-${String(i).padStart(6, '0')}`);
  })();
  opened.db.pragma('wal_checkpoint(TRUNCATE)');
  opened.db.close();
  return path;
}

async function expectRefused(path: string, problem: RegExp) {
  const before = sha(path);
  const error = await openDatabase(path, { now: () => FIXED_NOW }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatabaseRefusedError);
  const refused = error as DatabaseRefusedError;
  expect(refused.file).toBe(path);
  expect(refused.problem).toMatch(problem);
  expect(refused.message).toContain(path);
  expect(refused.message).toMatch(/not changed/);
  expect(refused.message).toContain('backups');
  expect(sha(path)).toBe(before);
  return refused;
}

describe('opening a database', () => {
  it('creates a new database with WAL, foreign keys and a busy timeout', async () => {
    const opened = await openDatabase(join(tempDir(), 'sub', 'isopatch.sqlite'));
    expect(opened.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(opened.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    opened.db.close();
  });

  it('refuses a file that is not a SQLite database and leaves it as it was', async () => {
    const path = join(tempDir(), 'isopatch.sqlite');
    writeFileSync(path, 'Asset tag;Hersteller\n000123;Siemens\n'.repeat(200));
    await expectRefused(path, /not a SQLite database/);
  });

  it('refuses a truncated database', async () => {
    const path = await healthyDatabase();
    const size = readFileSync(path).length;
    truncateSync(path, Math.floor(size / 2) + 100);
    await expectRefused(path, /integrity check failed|damaged|malformed/);
  });

  it('refuses a database with damaged pages', async () => {
    const path = await healthyDatabase();
    const fd = openSync(path, 'r+');
    // Overwrite the b-tree header of page 3 (pages are 4096 bytes) with bytes no valid page starts with.
    writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, 4096 * 2);
    closeSync(fd);
    await expectRefused(path, /integrity check failed|damaged|malformed/);
  });

  it('refuses a database written by a newer version of Isopatch', async () => {
    const path = await healthyDatabase();
    const db = new Database(path);
    db.pragma('user_version = 999');
    db.close();
    const refused = await expectRefused(path, /newer version of Isopatch \(schema version 999/);
    expect(refused.code).toBe('DATABASE_REFUSED');
  });

  it("refuses another program's SQLite database instead of adding tables to it", async () => {
    const path = join(tempDir(), 'other.sqlite');
    const db = new Database(path);
    db.exec(
      "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photos (name) VALUES ('a');",
    );
    db.close();
    await expectRefused(path, /another program/);
  });

  it('names the newest backup when it refuses', async () => {
    const dir = tempDir();
    const path = await healthyDatabase(dir);
    const reopened = await openDatabase(path, { now: () => new Date('2026-12-01T08:00:00Z') });
    reopened.db.close();
    writeFileSync(path, 'garbage');
    const refused = await expectRefused(path, /not a SQLite database/);
    expect(refused.backups[0]).toMatch(/isopatch-20261201-080000000-daily\.sqlite$/);
    expect(refused.message).toContain(refused.backups[0]);
  });
});

describe('backups', () => {
  it('makes one a day at start with the online backup API, and keeps the newest ten', async () => {
    const path = await healthyDatabase();
    const day = (n: number) => new Date(Date.UTC(2026, 11, n, 7, 30));
    for (let n = 1; n <= 13; n++) {
      const first = await openDatabase(path, { now: () => day(n) });
      first.db.close();
      const second = await openDatabase(path, { now: () => new Date(day(n).getTime() + 3_600_000) });
      expect(second.backupsMade).toEqual([]); // same day: no second backup
      second.db.close();
    }
    const backups = listBackups(path, join(path, '..', 'backups'));
    expect(backups).toHaveLength(BACKUPS_KEPT);
    expect(backups[0]?.createdAt.toISOString()).toBe(day(13).toISOString());
    const copy = new Database(backups[0]?.path ?? '', { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM device').pluck().get()).toBe(2000);
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
    copy.close();
  });
});
