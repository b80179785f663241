import { useState } from 'react';
import { call } from '../../api';
import { bytesOfBase64, saveFile } from '../../save-file';
import { useDatabaseStore } from '../../stores/database';
import '../../styles/recovery.css';
import { BackupsPanel } from './BackupsPanel';

/** "Export database...": a consistent copy made while Isopatch runs, to keep or to move to another computer. */
function DatabaseExport() {
  const [state, setState] = useState<{ busy: boolean; message: string | null }>({
    busy: false,
    message: null,
  });
  const exportCopy = async () => {
    setState({ busy: true, message: null });
    const result = await call('exportDatabase', {});
    if (!result.ok) return setState({ busy: false, message: result.error.message });
    saveFile(result.value.fileName, bytesOfBase64(result.value.content), 'application/vnd.sqlite3');
    const size = (result.value.bytes / 1024 / 1024).toFixed(1);
    setState({
      busy: false,
      message: `Exported a copy of the database as ${result.value.fileName} (${size} MB).`,
    });
  };
  return (
    <div className="database-export">
      <button type="button" className="button-quiet" disabled={state.busy} onClick={() => void exportCopy()}>
        {state.busy ? 'Exporting…' : 'Export database…'}
      </button>
      <span className="field-help">
        A complete, consistent copy, also while Isopatch is in use; open it on another computer with{' '}
        <code>--db FILE</code>.
      </span>
      {state.message && <p role="status">{state.message}</p>}
    </div>
  );
}

export function DatabaseInfo() {
  const status = useDatabaseStore((state) => state.status);
  if (!status) return null;
  return (
    <section aria-labelledby="database-heading" className="panel">
      <h2 id="database-heading">Database</h2>
      <dl className="facts">
        <dt>File</dt>
        <dd>
          <code>{status.databasePath}</code>
        </dd>
        <dt>Schema version</dt>
        <dd>{status.schemaVersion}</dd>
      </dl>
      <DatabaseExport />
      {/* The backups' folder is said under their own heading, with the list. */}
      <BackupsPanel backupsDir={status.backupsDir} />
    </section>
  );
}
