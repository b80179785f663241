import { backupListOf } from '../core/db/export';
import { latestVersion } from '../core/db/migrate';
import { migrations } from '../core/db/migrations';
import { restoreDatabase } from '../core/db/restore';
import { closeSession, type CoreSession } from '../core/session';
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
  /** Opens the database file again as the transport first did; absent in the CLI, which ends after a restore. */
  readonly reopen?: () => Promise<CoreSession>;
  readonly nativeBinding?: string;
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
  } finally {
    // Whether the backup came in or was refused (then nothing moved), the app goes on with what is there now.
    if (sessions.reopen) sessions.replace(await sessions.reopen());
  }
  return { databasePath, restoredFrom, keptAs, reopened: sessions.reopen !== undefined };
}
