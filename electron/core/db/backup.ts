import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type Database from 'better-sqlite3';

export const BACKUPS_KEPT = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface BackupFile {
  readonly path: string;
  readonly createdAt: Date;
  readonly reason: string;
}

const stemOf = (databasePath: string) => basename(databasePath, extname(databasePath));

// 2026-11-29T10:09:18.123Z -> 20261129-100918123: sortable, and valid on every file system.
export const stamp = (date: Date) =>
  date.toISOString().replace(/[-:]/g, '').replace('T', '-').replace('.', '').slice(0, 18);

/** Backups of one database, newest first. */
export function listBackups(databasePath: string, backupsDir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(backupsDir);
  } catch {
    return [];
  }
  const pattern = new RegExp(`^${escapeRegExp(stemOf(databasePath))}-(\\d{8}-\\d{9})-([a-z0-9-]+)\\.sqlite$`);
  return names
    .map((name) => ({ name, match: pattern.exec(name) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ name, match }) => ({
      path: join(backupsDir, name),
      createdAt: parseStamp(match[1] ?? ''),
      reason: match[2] ?? '',
      key: match[1] ?? '',
    }))
    .sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0))
    .map(({ path, createdAt, reason }) => ({ path, createdAt, reason }));
}

/**
 * A consistent copy through SQLite's online backup API, then only the newest BACKUPS_KEPT are kept (unless
 * `prune` is false: a restore prunes once it has succeeded).
 */
export async function backupDatabase(
  db: Database.Database,
  databasePath: string,
  backupsDir: string,
  reason: string,
  now: Date,
  prune = true,
): Promise<string> {
  mkdirSync(backupsDir, { recursive: true });
  // Never over an earlier backup: two in the same millisecond (a restore undone at once) get the next one.
  let at = now.getTime();
  const nameAt = (ms: number) =>
    join(backupsDir, `${stemOf(databasePath)}-${stamp(new Date(ms))}-${reason}.sqlite`);
  while (existsSync(nameAt(at))) at++;
  const target = nameAt(at);
  await db.backup(target);
  if (prune) pruneBackups(databasePath, backupsDir);
  return target;
}

/** Deletes all but the newest BACKUPS_KEPT backups, never one named in `keep`. */
export function pruneBackups(databasePath: string, backupsDir: string, keep: readonly string[] = []): void {
  const kept = new Set(keep.map((path) => resolve(path)));
  for (const old of listBackups(databasePath, backupsDir).slice(BACKUPS_KEPT))
    if (!kept.has(resolve(old.path))) rmSync(old.path, { force: true });
}

export function isDailyBackupDue(databasePath: string, backupsDir: string, now: Date): boolean {
  const newest = listBackups(databasePath, backupsDir)[0];
  return newest === undefined || now.getTime() - newest.createdAt.getTime() >= DAY_MS;
}

function parseStamp(key: string): Date {
  const [, y, mo, d, h, mi, s, ms] = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(\d{3})$/.exec(key) ?? [];
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
