import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { auditRecorder } from '../core/audit/audit-log';
import { backupDatabase, pruneBackups } from '../core/db/backup';
import { backupListOf } from '../core/db/export';
import { latestVersion } from '../core/db/migrate';
import { migrations } from '../core/db/migrations';
import { restoreDatabase } from '../core/db/restore';
import { AppError } from '../core/errors';
import { type CoreSession, closeSession, openSession } from '../core/session';
import type { OperationName } from './contract';
import type { BackupList, RestoreResult } from './schemas/database-files';

/**
 * Listing and restoring backups: what a refused database needs, so these two operations answer whether the
 * database opened or not. Every other operation stays refused until a restore has reopened the database.
 */
export const recoveryOperations = ['listBackups', 'restoreBackup'] as const;
type RecoveryOperation = (typeof recoveryOperations)[number];

export const isRecoveryOperation = (name: OperationName): name is RecoveryOperation =>
  (recoveryOperations as readonly string[]).includes(name);

export interface SessionHolder {
  current(): CoreSession;
  replace(next: CoreSession): void;
  /** Opens the database file again as the transport first did (by default: with the default options). */
  readonly reopen?: () => Promise<CoreSession>;
  readonly nativeBinding?: string;
  /** Whether a restore may take any file, not only a listed backup (see RouterOptions). */
  readonly restoreFromAnyFile?: boolean;
}

const placeOf = (session: CoreSession) =>
  session.state === 'open'
    ? { databasePath: session.ctx.databasePath, backupsDir: session.ctx.backupsDir, now: session.ctx.now() }
    : { databasePath: session.error.file, backupsDir: session.error.backupsDir, now: new Date() };

export async function runRecovery(
  name: RecoveryOperation,
  input: { backup?: string },
  sessions: SessionHolder,
): Promise<BackupList | RestoreResult> {
  const session = sessions.current();
  const { databasePath, backupsDir, now } = placeOf(session);
  if (name === 'listBackups') return backupListOf(databasePath, backupsDir);

  const restoredFrom = input.backup ?? '';
  if (!sessions.restoreFromAnyFile) {
    const listed = backupListOf(databasePath, backupsDir).backups.map((b) => resolve(b.path));
    if (!listed.includes(resolve(restoredFrom))) {
      throw new AppError(
        'INVALID_INPUT',
        `Only a backup listed in ${backupsDir} can be restored here; to restore another copy, use "isopatch restore FILE".`,
      );
    }
  }
  // The database as it is becomes a backup first, so a restore can itself be undone from the list; nothing is
  // pruned, and the backup goes again, unless the restore succeeds.
  const beforeRestore =
    session.state === 'open'
      ? await backupDatabase(session.ctx.db, databasePath, backupsDir, 'before-restore', now, false)
      : null;
  const reopen =
    sessions.reopen ?? (() => openSession(databasePath, { nativeBinding: sessions.nativeBinding }));
  // Our own connection closes first: the file must not be open while it is moved aside.
  await closeSession(session);
  let keptAs: string[];
  try {
    keptAs = restoreDatabase({
      databasePath,
      backupPath: restoredFrom,
      latestVersion: latestVersion(migrations),
      asideLabel: session.state === 'open' ? 'replaced' : 'damaged',
      now,
      nativeBinding: sessions.nativeBinding,
    });
  } catch (error) {
    // Nothing moved: the app goes on with the file as it was (refused again, if it was refused).
    if (beforeRestore) rmSync(beforeRestore, { force: true });
    sessions.replace(await reopen());
    throw error;
  }
  pruneBackups(databasePath, backupsDir, [restoredFrom]);
  const next = await reopen();
  sessions.replace(next);
  if (next.state === 'open') {
    // The restored file's own audit log says where it came from and where the replaced file is kept.
    const audit = auditRecorder(next.ctx, 'restoreBackup');
    next.ctx.db.transaction(() =>
      audit({
        entity: 'database',
        entityId: null,
        action: 'restore',
        before: { file: databasePath, keptAs },
        after: { restoredFrom },
      }),
    )();
  }
  return { databasePath, restoredFrom, keptAs, reopened: next.state === 'open' };
}
