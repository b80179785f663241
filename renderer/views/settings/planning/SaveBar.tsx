import { useEffect, useRef } from 'react';
import { useSiteModelStore } from '../../../stores/site-model';
import { pathInWords, plainMessage } from './issue-words';

const quoted = (names: readonly string[]) => names.map((name) => `"${name}"`).join(', ');

/** One button saves the whole model; the bar stays at the top of the window while the form scrolls. */
export function SaveBar() {
  const { dirty, saving, issues, problem, lastSave, discard } = useSiteModelStore();
  const kept = lastSave?.keptTeams ?? [];
  return (
    <div className="form-actions planning-save">
      <button type="submit" className="button-primary" disabled={saving}>
        Save planning settings
      </button>
      <button type="button" className="button-quiet" disabled={!dirty || saving} onClick={discard}>
        Discard changes
      </button>
      <p className="form-status" aria-live="polite">
        {lastSave && (
          <>
            Saved.
            {kept.length > 0 &&
              ` ${kept.length === 1 ? 'The team' : 'The teams'} ${quoted(kept)} ${kept.length === 1 ? 'was' : 'were'} kept, since planned windows use ${kept.length === 1 ? 'it' : 'them'}.`}
          </>
        )}
        {(issues.length > 0 || problem) && 'Not saved.'}
        {!lastSave && issues.length === 0 && !problem && dirty && 'Unsaved changes.'}
      </p>
    </div>
  );
}

/** What the last save was refused for, each value named in words; it takes the focus when a save fails. */
export function SaveProblems() {
  const { draft, issues, problem } = useSiteModelStore();
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (issues.length > 0 || problem) summary.current?.focus();
  }, [issues, problem]);
  if (!draft || (issues.length === 0 && !problem)) return null;
  return (
    <div role="alert" className="problem planning-problems" ref={summary} tabIndex={-1}>
      {problem ? (
        <p className="planning-problem-title">Not saved: {problem}</p>
      ) : (
        <>
          <p className="planning-problem-title">
            Not saved: {issues.length === 1 ? 'one value needs' : `${issues.length} values need`} fixing; each
            is also marked at its field.
          </p>
          <ul className="issue-list">
            {issues.map((issue) => (
              <li key={`${issue.path}${issue.message}`}>
                {pathInWords(draft, issue.path)}: {plainMessage(issue.message)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
