import { useEffect } from 'react';
import { dateTime } from '../../labels';
import { useAuditStore } from '../../stores/audit';

const formatValue = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

/** The newest audit entries: who changed what, when, from what to what. */
export function RecentChanges() {
  const entries = useAuditStore((state) => state.entries);
  const load = useAuditStore((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);
  if (!entries) return null;
  return (
    <section aria-labelledby="audit-heading" className="panel">
      <h2 id="audit-heading">Recent changes</h2>
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">The newest entries of the audit log</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">User</th>
              <th scope="col">What</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{dateTime(entry.at)}</td>
                <td>{entry.osUser}</td>
                <td>
                  {entry.action} {entry.entity}
                </td>
                <td className="cell-json">{formatValue(entry.before)}</td>
                <td className="cell-json">{formatValue(entry.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
