import { useState } from 'react';
import type { ApiError } from '../../electron/api/contract';
import { RestoreDialog } from '../views/recovery/RestoreDialog';
import '../styles/recovery.css';

/** Shown instead of the app when the core would not open the database file. */
export function DatabaseRefused({ refusal }: { refusal: ApiError }) {
  const [restoring, setRestoring] = useState(false);
  return (
    <main className="refused" id="main">
      <h1>The database was not opened</h1>
      <p className="refused-message">{refusal.message}</p>
      <p>
        Isopatch leaves a damaged, foreign or newer database exactly as it is. Restore one of its backups, or
        start Isopatch with another database file (<code>--db FILE</code>).
      </p>
      <button type="button" className="button-primary" onClick={() => setRestoring(true)}>
        Restore from a backup…
      </button>
      {restoring && <RestoreDialog onClose={() => setRestoring(false)} />}
    </main>
  );
}
