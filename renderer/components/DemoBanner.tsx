import { useEffect, useState } from 'react';
import { useDemoStore } from '../stores/demo';

/**
 * Shown in the header whenever the database is the generated demo hospital, so nobody mistakes it for theirs.
 * The demo can be generated again, with today's dates; the banner asks first, as the changes made in it go.
 */
export function DemoBanner() {
  const switching = useDemoStore((state) => state.switching);
  const switchTo = useDemoStore((state) => state.switchTo);
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    const title = document.title;
    document.title = 'Isopatch (demo hospital)';
    return () => {
      document.title = title;
    };
  }, []);
  const busy = switching !== null;
  return (
    <div className="demo-banner" data-testid="demo-banner">
      <strong>Demo hospital — not real data</strong>
      {asking || switching === 'restartDemo' ? (
        <>
          <span id="demo-restart-question">Generate it anew, dated today? Your changes go.</span>
          <button
            type="button"
            className="button-quiet"
            aria-describedby="demo-restart-question"
            onClick={() => void switchTo('restartDemo')}
            disabled={busy}
          >
            {switching === 'restartDemo' ? 'Generating the demo…' : 'Start afresh'}
          </button>
          <button type="button" className="button-quiet" onClick={() => setAsking(false)} disabled={busy}>
            Keep it
          </button>
        </>
      ) : (
        <>
          <button type="button" className="button-quiet" onClick={() => setAsking(true)} disabled={busy}>
            Start afresh…
          </button>
          <button
            type="button"
            className="button-quiet"
            onClick={() => void switchTo('leaveDemo')}
            disabled={busy}
          >
            {switching === 'leaveDemo' ? 'Leaving the demo…' : 'Leave the demo'}
          </button>
        </>
      )}
    </div>
  );
}
