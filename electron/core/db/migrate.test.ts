import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FIXED_NOW, tempDir } from '../../testing/temp';
import { listBackups } from './backup';
import { APPLICATION_ID } from './inspect';
import { assertMigrationOrder, latestVersion, type Migration, migrate, schemaVersion } from './migrate';
import { migrations } from './migrations';
import { openDatabase } from './open';

/** A database file exactly as an older Isopatch left it: the first `version` migrations applied. */
function databaseAtVersion(path: string, version: number) {
  const db = new Database(path);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  migrate(db, migrations.slice(0, version));
  db.close();
}

describe('migrations', () => {
  it('are numbered 1, 2, 3, ... without gaps', () => {
    expect(() => assertMigrationOrder(migrations)).not.toThrow();
    expect(() => assertMigrationOrder([{ version: 2, name: 'x', sql: '' }])).toThrow(/expected 1/);
  });

  it.each(Array.from({ length: latestVersion(migrations) }, (_, version) => version))(
    'a database at schema version %i migrates to the current version',
    async (version) => {
      const path = join(tempDir(), 'isopatch.sqlite');
      databaseAtVersion(path, version);
      const opened = await openDatabase(path, { now: () => FIXED_NOW });
      expect(schemaVersion(opened.db)).toBe(latestVersion(migrations));
      expect(opened.db.pragma('quick_check', { simple: true })).toBe('ok');
      expect(opened.db.pragma('foreign_key_check')).toEqual([]);
      // A database that had a schema is backed up before it is upgraded.
      if (version > 0) expect(opened.backupsMade.some((file) => file.includes(`before-v`))).toBe(true);
      opened.db.close();
    },
  );

  it('applies each migration in its own transaction, so a failing one leaves the previous version', () => {
    const db = new Database(':memory:');
    const broken: Migration[] = [
      { version: 1, name: 'good', sql: 'CREATE TABLE a (x INTEGER);' },
      { version: 2, name: 'bad', sql: 'CREATE TABLE b (x INTEGER); INSERT INTO missing VALUES (1);' },
    ];
    expect(() => migrate(db, broken)).toThrow(/missing/);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
  });

  it('does nothing to a current database', () => {
    const db = new Database(':memory:');
    expect(migrate(db, migrations)).toEqual(migrations.map((m) => m.version));
    expect(migrate(db, migrations)).toEqual([]);
  });

  it('does not back up a brand-new database', async () => {
    const dir = tempDir();
    const opened = await openDatabase(join(dir, 'isopatch.sqlite'), { now: () => FIXED_NOW });
    expect(opened.created).toBe(true);
    expect(opened.backupsMade).toEqual([]);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
    expect(listBackups(opened.path, opened.backupsDir)).toEqual([]);
    opened.db.close();
  });
});
