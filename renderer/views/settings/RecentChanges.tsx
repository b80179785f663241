import { useEffect } from 'react';
import { dateTime } from '../../site-time';
import { useAuditStore } from '../../stores/audit';

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
              <th scope="col">Changes</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{dateTime(entry.at)}</td>
                <td>{entry.osUser}</td>
                <td>
                  {entry.action} {entry.subject}
                </td>
                <td>
                  {entry.changes.map((line) => (
                    <div key={line}>{line}</div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
