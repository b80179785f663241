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

  it('rebuilds the tables of version 3 keeping every row, every reference and every rule', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 2));
    const at = '2026-11-29T10:00:00.000Z';
    db.exec(`
      INSERT INTO site (id, name, time_zone, created_at, updated_at) VALUES (1, 'Main', 'Europe/Berlin', '${at}', '${at}');
      INSERT INTO department (id, site_id, name, created_at, updated_at) VALUES (1, 1, 'Nuclear Medicine', '${at}', '${at}');
      INSERT INTO device (id, asset_tag, model, department_id, state, state_by_matching, created_at, updated_at)
        VALUES (7, 'NM-001', 'Symbia T16', 1, 'affected', 1, '${at}', '${at}');
      INSERT INTO advisory (id, tracking_id, title, version, source, created_at, updated_at)
        VALUES (3, 'ICSMA-17-215-01', 'Siemens', '1', 'manual', '${at}', '${at}');
      INSERT INTO device_match (device_id, advisory_id, basis, status, reason) VALUES (7, 3, 'rule', 'confirmed', 'family');
      INSERT INTO planned_window (device_id, kind, start_at, end_at, status, note, created_at, updated_at)
        VALUES (7, 'isolation', '${at}', '2026-11-29T11:00:00.000Z', 'planned', 'shortened', '${at}', '${at}');
      INSERT INTO audit_log (at, os_user, operation, entity, entity_id, action) VALUES ('${at}', 'biomed', 'test', 'device', '7', 'update');
    `);
    const tables = ['device', 'device_match', 'planned_window', 'audit_log'];
    const before = tables.map((table) => db.prepare(`SELECT * FROM ${table}`).all());

    expect(migrate(db, migrations.slice(0, 3))).toEqual([3]);

    expect(tables.map((table) => db.prepare(`SELECT * FROM ${table}`).all())).toEqual(before);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare('SELECT search_text FROM device WHERE id = 7').pluck().get()).toContain('Symbia T16');
    expect(() => db.prepare("UPDATE device SET state = 'fixed-ish' WHERE id = 7").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE planned_window SET kind = 'coffee'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE audit_log SET action = 'erase'").run()).toThrow(/CHECK/);
    // The references of the rebuilt tables still hold: removing the device removes its match and its window.
    db.prepare('DELETE FROM device WHERE id = 7').run();
    expect(db.prepare('SELECT count(*) FROM device_match').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM planned_window').pluck().get()).toBe(0);
  });

  it('refuses a migration that leaves a broken reference, and keeps foreign keys on', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const dangling: Migration[] = [
      {
        version: 1,
        name: 'parent',
        sql: 'CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (p_id REFERENCES p (id));',
      },
      { version: 2, name: 'dangling', sql: 'INSERT INTO c VALUES (42);' },
    ];
    expect(() => migrate(db, dangling)).toThrow(/dangling left 1 broken references, the first in c/);
    expect(schemaVersion(db)).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
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
