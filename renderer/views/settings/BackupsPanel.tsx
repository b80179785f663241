import { useEffect, useId, useState } from 'react';
import type { BackupFile } from '../../../electron/api/schemas/database-files';
import { useShownZone } from '../../site-time';
import { useRecoveryStore } from '../../stores/recovery';
import { backupTime, megabytes, RestoreDialog, reasonOf } from '../recovery/RestoreDialog';

const fileNameOf = (path: string) => path.split(/[\\/]/).at(-1) ?? path;

/**
 * The database's backups (listBackups: file, when, size, why made), newest first, each with Restore…: the restore
 * dialog of the refused-database screen, here replacing the database in use (which is kept aside, never deleted).
 * restoreBackup takes only what listBackups names. Afterwards every view loads again from the restored file.
 */
export function BackupsPanel({ backupsDir }: { backupsDir: string }) {
  const { list, busy, problem, restored, load } = useRecoveryStore();
  // The site's zone, as Recent changes below writes the same events (a restore, say).
  const zone = useShownZone();
  const [restoring, setRestoring] = useState<BackupFile | null>(null);
  const headingId = useId();
  useEffect(() => {
    void load();
  }, [load]);

  const backups = list?.backups ?? [];
  const restoredBackup = restored && backups.find((b) => b.path === restored.restoredFrom);
  return (
    <div className="backups-panel">
      <h3 id={headingId}>Backups</h3>
      <p className="field-help">
        In <code>{backupsDir}</code>: one a day at start and one before every schema upgrade; the last 10 are
        kept. After a wrong plan, import or bulk edit, restore the database as it was when a backup was made.
      </p>
      {list && backups.length === 0 && (
        <p>No backups yet. The first is made when Isopatch next starts on this database.</p>
      )}
      {backups.length > 0 && (
        <div className="table-scroll">
          <table className="table backups-table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">Made ({zone})</th>
                <th scope="col">Why</th>
                <th scope="col" className="backup-size">
                  Size
                </th>
                <th scope="col">File</th>
                <th scope="col">
                  <span className="visually-hidden">Restore</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {backups.map((backup) => (
                <tr key={backup.path}>
                  <td>
                    <time dateTime={backup.createdAt}>{backupTime(backup, zone)}</time>
                  </td>
                  <td>{reasonOf(backup)}</td>
                  <td className="backup-size">{megabytes(backup.bytes)}</td>
                  <td>
                    <code>{fileNameOf(backup.path)}</code>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button-quiet"
                      disabled={busy}
                      aria-label={`Restore the backup of ${backupTime(backup, zone)}…`}
                      onClick={() => setRestoring(backup)}
                    >
                      Restore…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {problem && !restoring && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      <div role="status">
        {restored && !restoring && (
          <p>
            Restored the backup {restoredBackup ? `of ${backupTime(restoredBackup, zone)} ` : ''}(
            <code>{fileNameOf(restored.restoredFrom)}</code>); every view now shows its data. The replaced
            database is kept as <code>{restored.keptAs[0] ?? '—'}</code>.
          </p>
        )}
      </div>
      {restoring && <RestoreDialog replacing initial={restoring.path} onClose={() => setRestoring(null)} />}
    </div>
  );
}
