import type { ApiError } from '../../electron/api/contract';

/** Shown instead of the app when the core would not open the database file. */
export function DatabaseRefused({ refusal }: { refusal: ApiError }) {
  return (
    <main className="refused" id="main">
      <h1>The database was not opened</h1>
      <p className="refused-message">{refusal.message}</p>
      <p>
        Isopatch leaves a damaged, foreign or newer database exactly as it is. Restore a backup from the
        folder named above, or start Isopatch with another database file (<code>--db FILE</code>).
      </p>
    </main>
  );
}
