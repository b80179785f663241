import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { BackupList, DatabaseExport } from '../../api/schemas/database-files';
import type { CoreContext } from '../context';
import { isDemoDatabase } from '../demo/marker';
import { AppError } from '../errors';
import { mainZone } from '../planning/load-planning';
import { listBackups } from './backup';
import { DISK_FULL_MESSAGE } from './storage-errors';

/**
 * A consistent copy of the database while the app keeps running: SQLite's online backup API copies a snapshot
 * that includes what still sits in the -wal file (a plain file copy would miss it) and restarts when another
 * connection writes meanwhile.
 */
export async function exportDatabase(ctx: CoreContext): Promise<DatabaseExport> {
  const dir = mkdtempSync(join(tmpdir(), 'isopatch-export-'));
  try {
    const copy = join(dir, 'copy.sqlite');
    await ctx.db.backup(copy).catch((error: unknown) => {
      // The backup API reports a failed write of the copy as plain SQLITE_IOERR, without the extended code.
      const code = String((error as { code?: unknown }).code ?? '');
      if (code === 'SQLITE_IOERR' || code === 'SQLITE_FULL')
        throw new AppError('DISK_FULL', DISK_FULL_MESSAGE);
      throw error;
    });
    const bytes = readFileSync(copy);
    return {
      fileName: exportFileName(ctx),
      content: bytes.toString('base64'),
      bytes: bytes.length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true }); // our own temporary copy, nothing of the user's
  }
}

/** isopatch-20261129-2105.sqlite in the main site's time, as the person saving it reads the clock; a demo says so. */
function exportFileName(ctx: CoreContext): string {
  const local = DateTime.fromJSDate(ctx.now(), { zone: mainZone(ctx) }).toFormat('yyyyLLdd-HHmm');
  return `isopatch-${isDemoDatabase(ctx) ? 'demo-' : ''}${local}.sqlite`;
}

/** The backups of a database with their times, newest first; works without opening the database. */
export function backupListOf(databasePath: string, backupsDir: string): BackupList {
  return {
    databasePath,
    backupsDir,
    backups: listBackups(databasePath, backupsDir).map((b) => ({
      path: b.path,
      createdAt: b.createdAt.toISOString(),
      reason: b.reason,
      bytes: sizeOf(b.path),
    })),
  };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
