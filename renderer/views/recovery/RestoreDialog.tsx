import { useEffect, useId, useRef, useState } from 'react';
import type { BackupFile } from '../../../electron/api/schemas/database-files';
import { dateTimeSeconds, shownZone, useShownZone } from '../../site-time';
import { useRecoveryStore } from '../../stores/recovery';

/**
 * When a backup was made ("2026-11-29 19:58:04"), to the second so two backups of one minute stay apart, in the
 * site's zone like the audit trail beside it (this computer's while the database is refused: see shownZone).
 */
export const backupTime = (backup: BackupFile, zone = shownZone()) => dateTimeSeconds(backup.createdAt, zone);

/** Why a backup was made, in words. */
export function reasonOf(backup: BackupFile): string {
  const upgrade = /^before-v(\d+)$/.exec(backup.reason);
  if (upgrade) return `Before the upgrade to schema version ${upgrade[1]}`;
  if (backup.reason === 'daily') return 'Daily, at start';
  if (backup.reason === 'before-restore') return 'Before a restore';
  return backup.reason;
}

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * A modal list of the backups with their times; restoring one keeps the refused file beside it, never deletes it.
 * With `replacing` (Settings > Database, the database in use), it starts on the chosen backup, says that the file
 * in use is kept as `.replaced-<time>` and what its changes become, and closes itself after a restore.
 */
export function RestoreDialog({
  onClose,
  replacing = false,
  initial,
}: {
  onClose: () => void;
  replacing?: boolean;
  initial?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { list, busy, problem, load, restore } = useRecoveryStore();
  const zone = useShownZone();
  const [chosen, setChosen] = useState<string | null>(initial ?? null);

  useEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement as HTMLElement | null;
    if (element && !element.open) element.showModal();
    void load();
    return () => {
      if (element?.open) element.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [load]);

  const backups = list?.backups ?? [];
  const selected = chosen ?? backups[0]?.path ?? null;
  const fileName = list ? (list.databasePath.split(/[\\/]/).at(-1) ?? '') : 'isopatch.sqlite';
  return (
    <dialog
      ref={dialog}
      className="restore-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <h2 id={titleId}>Restore from a backup</h2>
      {list && backups.length === 0 && (
        <p>
          No backups were found in <code>{list.backupsDir}</code>.
        </p>
      )}
      {backups.length > 0 && (
        <fieldset className="restore-choices">
          <legend>
            Backups of {list?.databasePath}, newest first (times in {zone})
          </legend>
          {backups.map((backup) => (
            <label key={backup.path} className="restore-choice">
              <input
                type="radio"
                name="backup"
                value={backup.path}
                checked={selected === backup.path}
                onChange={() => setChosen(backup.path)}
              />
              <time dateTime={backup.createdAt}>{backupTime(backup, zone)}</time>
              <span>{reasonOf(backup)}</span>
              <span className="restore-size">{megabytes(backup.bytes)}</span>
            </label>
          ))}
        </fieldset>
      )}
      {replacing ? (
        <div className="restore-effect">
          <p>
            The chosen backup is checked first (if it is unfit, nothing changes), then takes the place of the
            database in use.{' '}
            <strong>Every change made since the backup was made is no longer in the database</strong>: device
            states, plans, imports, settings.
          </p>
          <p className="field-help">
            The database as it is now is saved first as a backup ("Before a restore"), listed here, so this
            restore can be undone the same way. The file itself is not deleted either: it stays beside the
            database as <code>{fileName}.replaced-&lt;time&gt;</code>, with its -wal and -shm files.
          </p>
        </div>
      ) : (
        <p className="field-help">
          The file Isopatch refused is not deleted: it stays beside the database as{' '}
          <code>{fileName}.damaged-&lt;time&gt;</code>, with its -wal and -shm files, for a closer look or for
          your IT department.
        </p>
      )}
      {problem && (
        <p className="refused-message" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button
          type="button"
          className="button-primary"
          disabled={selected === null || busy}
          onClick={() => {
            if (selected)
              void restore(selected).then((done) => {
                if (done && replacing) onClose();
              });
          }}
        >
          {busy ? 'Restoring…' : 'Restore this backup'}
        </button>
        <button type="button" className="button-quiet" disabled={busy} onClick={onClose}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
