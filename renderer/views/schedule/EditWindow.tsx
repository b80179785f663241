import { useState } from 'react';
import type { PlannedWindow } from '../../../electron/api/schemas/planning';
import { ChangeWindowForm } from './ChangeWindowForm';
import { Problem } from './Field';
import { MarkDoneForm } from './MarkDoneForm';
import { WindowActions } from './WindowActions';
import { WindowFacts } from './WindowFacts';

/**
 * An existing window: what it is, and (until it is done) the forms to change it or mark it done, and the
 * buttons to unlock or delete it. The parts share one place for what went wrong.
 */
export function EditWindow({ window: w, teams }: { window: PlannedWindow; teams: readonly string[] }) {
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <WindowFacts window={w} />
      <Problem text={problem} />
      {w.status === 'done' ? (
        <p className="field-help">
          A done window is the record of the work: it can no longer be moved or deleted.
        </p>
      ) : (
        <>
          <ChangeWindowForm window={w} teams={teams} onProblem={setProblem} />
          <MarkDoneForm window={w} onProblem={setProblem} />
          <WindowActions window={w} onProblem={setProblem} />
        </>
      )}
    </>
  );
}
