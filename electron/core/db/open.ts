import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseRefusedError } from '../errors';
import { backupDatabase, isDailyBackupDue, listBackups } from './backup';
import { APPLICATION_ID, describeSqliteError, findOpenProblem } from './inspect';
import { backupsDirFor } from './location';
import { latestVersion, type Migration, migrate, schemaVersion } from './migrate';
import { migrations as allMigrations } from './migrations';

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for another runtime (Electron's ABI in the desktop app). */
  nativeBinding?: string;
  migrations?: readonly Migration[];
  now?: () => Date;
}

export interface OpenedDatabase {
  readonly db: Database.Database;
  readonly path: string;
  readonly backupsDir: string;
  readonly schemaVersion: number;
  readonly created: boolean;
  readonly backupsMade: readonly string[];
}

/**
 * Opens (or creates) the database. An existing file is inspected before anything writes to it; a damaged,
 * foreign or newer file is closed untouched and reported through DatabaseRefusedError.
 */
export async function openDatabase(path: string, options: OpenOptions = {}): Promise<OpenedDatabase> {
  const migrations = options.migrations ?? allMigrations;
  const now = options.now ?? (() => new Date());
  const backupsDir = backupsDirFor(path);
  const refuse = (problem: string) =>
    new DatabaseRefusedError(
      path,
      problem,
      backupsDir,
      listBackups(path, backupsDir).map((b) => b.path),
    );

  const existed = existsSync(path) && statSync(path).size > 0;
  if (existed) {
    const problem = inspectReadOnly(path, latestVersion(migrations), options.nativeBinding);
    if (problem) throw refuse(problem);
  }
  let db: Database.Database;
  try {
    if (!existed) mkdirSync(dirname(path), { recursive: true });
    db = new Database(path, { fileMustExist: existed, nativeBinding: options.nativeBinding });
  } catch (error) {
    throw refuse(describeSqliteError(error));
  }

  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // 128 MB: a 100,000-device import (about 65 MB of pages) stays in memory until commit instead of spilling to
    // the WAL and being read back by matching (measured: 0.1 s of 2.5).
    db.pragma('cache_size = -131072');

    const backupsMade: string[] = [];
    const before = schemaVersion(db);
    if (existed && before > 0 && before < latestVersion(migrations)) {
      backupsMade.push(
        await backupDatabase(db, path, backupsDir, `before-v${latestVersion(migrations)}`, now()),
      );
    }
    if (!existed || before === 0) db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db, migrations);
    if (existed && isDailyBackupDue(path, backupsDir, now())) {
      backupsMade.push(await backupDatabase(db, path, backupsDir, 'daily', now()));
    }
    return { db, path, backupsDir, schemaVersion: schemaVersion(db), created: !existed, backupsMade };
  } catch (error) {
    db.close();
    if (error instanceof DatabaseRefusedError) throw error;
    throw refuse(describeSqliteError(error));
  }
}

/**
 * The check before anything writes, on a read-only connection: closing a read-write one would checkpoint the
 * -wal into the file (or delete a -wal it cannot read), which changes a damaged file before it is kept aside.
 */
function inspectReadOnly(path: string, latest: number, nativeBinding: string | undefined): string | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding });
    return findOpenProblem(db, latest);
  } catch (error) {
    return describeSqliteError(error);
  } finally {
    db?.close();
  }
}
