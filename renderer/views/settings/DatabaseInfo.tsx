import { useDatabaseStore } from '../../stores/database';

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
        <dt>Backups</dt>
        <dd>
          <code>{status.backupsDir}</code>
          <span className="field-help">
            {' '}
            — one a day at start and one before every schema upgrade; the last 10 are kept.
          </span>
        </dd>
      </dl>
    </section>
  );
}
