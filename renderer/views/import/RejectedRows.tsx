import { useState } from 'react';
import type { RejectedRow } from '../../../electron/api/schemas/device-import';
import { saveFile } from '../../save-file';
import { useDeviceImportStore } from '../../stores/device-import';

const SHOWN = 50;

/** The rejected rows, each with its number and the reason, the first 50 of them; the CSV has them all. */
export function RejectedRowList({ rejected }: { rejected: readonly RejectedRow[] }) {
  return (
    <>
      <ul className="issue-list">
        {rejected.slice(0, SHOWN).map((r) => (
          <li key={r.row}>
            Row {r.row} {r.reason}
          </li>
        ))}
      </ul>
      {rejected.length > SHOWN && <p>…and {rejected.length - SHOWN} more, all in the rejected rows CSV.</p>}
    </>
  );
}

/** Saves the rejected rows of the file under review, nothing committed: the way on when every row was rejected. */
export function SaveRejectedRowsButton({ fileName }: { fileName: string }) {
  const rejectedRowsCsv = useDeviceImportStore((state) => state.rejectedRowsCsv);
  const [saving, setSaving] = useState(false);
  async function save() {
    setSaving(true);
    const csv = await rejectedRowsCsv();
    setSaving(false);
    if (csv) saveFile(`${fileName.replace(/\.[^.]+$/, '')}-rejected-rows.csv`, csv, 'text/csv;charset=utf-8');
  }
  return (
    <button type="button" className="button-quiet" disabled={saving} onClick={() => void save()}>
      {saving ? 'Putting the rejected rows together…' : 'Save rejected rows as CSV'}
    </button>
  );
}
