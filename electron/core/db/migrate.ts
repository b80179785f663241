import type Database from 'better-sqlite3';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Versions must run 1, 2, 3, ... with no gap, or a database could skip a step. */
export function assertMigrationOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) {
      throw new Error(`Migration ${m.name} has version ${m.version}, expected ${index + 1}.`);
    }
  });
}

export const latestVersion = (migrations: readonly Migration[]): number => migrations.at(-1)?.version ?? 0;

export const schemaVersion = (db: Database.Database): number =>
  db.pragma('user_version', { simple: true }) as number;

/**
 * Applies every migration newer than the database, each in its own transaction with its version bump. Foreign keys
 * are off meanwhile, as SQLite's procedure for rebuilding a table requires (dropping a table would otherwise
 * cascade into its children), and are checked before each migration commits.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[]): number[] {
  assertMigrationOrder(migrations);
  const applied: number[] = [];
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    for (const migration of migrations) {
      if (migration.version <= schemaVersion(db)) continue;
      db.transaction(() => {
        db.exec(migration.sql);
        const broken = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
        if (broken.length > 0) {
          const first = broken[0] as { table: string; rowid: number; parent: string };
          throw new Error(
            `Migration ${migration.name} left ${broken.length} broken references, the first in ${first.table} row ${first.rowid} to ${first.parent}.`,
          );
        }
        db.pragma(`user_version = ${migration.version}`);
      })();
      applied.push(migration.version);
    }
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
  return applied;
}
