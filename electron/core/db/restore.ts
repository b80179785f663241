import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors';
import { stamp } from './backup';
import { describeSqliteError, findOpenProblem } from './inspect';

export interface RestoreOptions {
  readonly databasePath: string;
  readonly backupPath: string;
  /** The schema version this build knows: a backup written by a newer Isopatch is refused. */
  readonly latestVersion: number;
  /** `damaged` when the current file was refused, `replaced` when it opened fine and is swapped anyway. */
  readonly asideLabel: 'damaged' | 'replaced';
  readonly now: Date;
  readonly nativeBinding?: string;
}

/**
 * Puts a backup in the database's place. The current file is never deleted: it (with its -wal and -shm) is kept
 * beside it as `<name>.damaged-<time>` (or `.replaced-<time>`), and the backup is checked before anything moves.
 * The connection to the database must be closed first.
 */
export function restoreDatabase(options: RestoreOptions): string[] {
  const databasePath = resolve(options.databasePath);
  const backupPath = resolve(options.backupPath);
  if (backupPath === databasePath) throw refuse(backupPath, 'it is the database file itself');
  if (!existsSync(backupPath) || !statSync(backupPath).isFile())
    throw refuse(backupPath, 'the file does not exist');

  // Copied next to the database first, so the final step is one rename on the same file system.
  const incoming = `${databasePath}.restoring-${stamp(options.now)}`;
  copyFileSync(backupPath, incoming);
  const problem = inspectCopy(incoming, options);
  if (problem) {
    // Only our own copy goes; the backup itself and the database stay exactly as they were.
    for (const suffix of ['', '-wal', '-shm'])
      if (existsSync(incoming + suffix)) unlinkSync(incoming + suffix);
    throw refuse(backupPath, problem);
  }
  syncFile(incoming);

  const aside = freeAsideName(`${databasePath}.${options.asideLabel}-${stamp(options.now)}`);
  const keptAs: string[] = [];
  // The old -wal must leave its path before the backup arrives, or SQLite would replay it onto the backup.
  for (const suffix of ['-wal', '-shm', '']) {
    const from = databasePath + suffix;
    if (!existsSync(from)) continue;
    keepAside(from, aside + suffix, suffix !== '');
    keptAs.push(aside + suffix);
  }
  renameSync(incoming, databasePath);
  syncFile(dirname(databasePath));
  return keptAs.sort((a, b) => a.length - b.length); // the file first, then its -wal and -shm
}

/** The aside name, with -2, -3... added if an earlier restore took it: an aside file is never overwritten. */
function freeAsideName(base: string): string {
  const taken = (name: string) => ['', '-wal', '-shm'].some((suffix) => existsSync(name + suffix));
  let name = base;
  for (let n = 2; taken(name); n++) name = `${base}-${n}`;
  return name;
}

/** Opens our copy of the backup and reads it as opening the database would; null when it is fit to use. */
function inspectCopy(path: string, options: RestoreOptions): string | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { fileMustExist: true, nativeBinding: options.nativeBinding });
    const problem = findOpenProblem(db, options.latestVersion);
    if (problem) return problem;
    if ((db.pragma('user_version', { simple: true }) as number) === 0)
      return 'it is an empty database, not a backup of Isopatch';
    return null;
  } catch (error) {
    return describeSqliteError(error);
  } finally {
    db?.close();
  }
}

/**
 * A second name for the file's content, then (for -wal and -shm) the old name removed: the bytes stay on disk under
 * the aside name. Where the file system has no hard links, a rename does the same.
 */
function keepAside(from: string, to: string, removeOldName: boolean) {
  try {
    linkSync(from, to);
    if (removeOldName) unlinkSync(from);
  } catch {
    renameSync(from, to);
  }
}

function syncFile(path: string) {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // Directories cannot be synced on Windows; the rename is still in place.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const refuse = (backupPath: string, problem: string) =>
  new AppError('INVALID_INPUT', `${backupPath} cannot be restored: ${problem}. Nothing was changed.`);
