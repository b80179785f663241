import { useEffect, useId, useRef, useState } from 'react';
import type { BackupFile } from '../../../electron/api/schemas/database-files';
import { useRecoveryStore } from '../../stores/recovery';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'medium' });

function reasonOf(backup: BackupFile): string {
  const upgrade = /^before-v(\d+)$/.exec(backup.reason);
  if (upgrade) return `Before the upgrade to schema version ${upgrade[1]}`;
  if (backup.reason === 'daily') return 'Daily, at start';
  return backup.reason;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A modal list of the backups with their times; restoring one keeps the refused file beside it, never deletes it. */
export function RestoreDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { list, busy, problem, load, restore } = useRecoveryStore();
  const [chosen, setChosen] = useState<string | null>(null);

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
          <legend>Backups of {list?.databasePath}, newest first</legend>
          {backups.map((backup) => (
            <label key={backup.path} className="restore-choice">
              <input
                type="radio"
                name="backup"
                value={backup.path}
                checked={selected === backup.path}
                onChange={() => setChosen(backup.path)}
              />
              <time dateTime={backup.createdAt}>{when.format(new Date(backup.createdAt))}</time>
              <span>{reasonOf(backup)}</span>
              <span className="restore-size">{megabytes(backup.bytes)}</span>
            </label>
          ))}
        </fieldset>
      )}
      <p className="field-help">
        The file Isopatch refused is not deleted: it stays beside the database as{' '}
        <code>
          {list
            ? `${list.databasePath.split(/[\\/]/).at(-1)}.damaged-<time>`
            : 'isopatch.sqlite.damaged-<time>'}
        </code>
        , with its -wal and -shm files, for a closer look or for your IT department.
      </p>
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
            if (selected) void restore(selected);
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
