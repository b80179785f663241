import { useEffect } from 'react';
import { useDemoStore } from '../stores/demo';

/** Shown in the header whenever the database is the generated demo hospital, so nobody mistakes it for theirs. */
export function DemoBanner() {
  const switching = useDemoStore((state) => state.switching);
  const switchTo = useDemoStore((state) => state.switchTo);
  useEffect(() => {
    const title = document.title;
    document.title = 'Isopatch (demo hospital)';
    return () => {
      document.title = title;
    };
  }, []);
  return (
    <div className="demo-banner" data-testid="demo-banner">
      <strong>Demo hospital — not real data</strong>
      <button
        type="button"
        className="button-quiet"
        onClick={() => void switchTo('leaveDemo')}
        disabled={switching !== null}
      >
        {switching === 'leaveDemo' ? 'Leaving the demo…' : 'Leave the demo'}
      </button>
    </div>
  );
}
