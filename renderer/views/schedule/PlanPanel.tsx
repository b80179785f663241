import { type FormEvent, useId, useState } from 'react';
import type { Plan } from '../../../electron/api/schemas/planning';
import { call } from '../../api';
import { Term } from '../../components/Term';
import { counted } from '../../labels';
import { todayIn } from '../../site-time';
import { useScheduleStore } from '../../stores/schedule';
import { WarningIcon } from './Icons';
import { dateOfIso, dateText, KIND_LABELS, kindWord, spanText } from './time';

/** Rows of the preview table: enough to check a plan, not thousands. */
const SHOWN_TASKS = 100;

type PlanTask = Plan['tasks'][number];

const CHANGE_LABELS: Record<PlanTask['change'], string> = {
  new: 'New',
  moved: 'Moved',
  unchanged: 'Unchanged',
  kept: 'Kept (locked)',
};
const CHANGE_ORDER: readonly PlanTask['change'][] = ['new', 'moved', 'unchanged', 'kept'];

const changeLabel = (t: PlanTask) =>
  t.change === 'kept' && t.status === 'in-progress' ? 'Kept (in progress)' : CHANGE_LABELS[t.change];

/** The windows ahead, what the plan changes first; done work is history, not plan. */
const windowsAhead = (plan: Plan) =>
  plan.tasks
    .filter((t) => t.status === 'planned' || t.status === 'in-progress')
    .sort(
      (a, b) =>
        CHANGE_ORDER.indexOf(a.change) - CHANGE_ORDER.indexOf(b.change) ||
        Date.parse(a.start) - Date.parse(b.start),
    );

export function planSummary(plan: Plan): string {
  const c = plan.changes;
  return `${c.new} new, ${c.moved} moved, ${c.unchanged} unchanged, ${c.removed} removed; ${counted(
    plan.breaches.length,
    'breach',
    'breaches',
  )}; ${counted(plan.awaitingPatch.length, 'device')} awaiting a patch`;
}

/**
 * The auto-planner: preview what it would plan from a day on, then apply it. Locked windows (placed by hand,
 * in progress or done) stay where they are.
 */
export function PlanPanel({ zone }: { zone: string }) {
  const [from, setFrom] = useState(() => todayIn(zone));
  const [preview, setPreview] = useState<Plan | null>(null);
  const [applied, setApplied] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fromId = useId();
  const goTo = useScheduleStore((state) => state.goTo);

  async function run(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setApplied(null);
    setProblem(null);
    const result = await call('previewPlan', from ? { from } : {});
    setBusy(false);
    if (result.ok) setPreview(result.value);
    else {
      setPreview(null);
      setProblem(result.error.message);
    }
  }

  async function apply() {
    if (!preview) return;
    setBusy(true);
    setProblem(null);
    const result = await call('applyPlan', { from: preview.from });
    setBusy(false);
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    const plan = result.value;
    const changed = plan.tasks
      .filter((t) => t.change === 'new' || t.change === 'moved')
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    const first = changed[0] ?? plan.tasks[0];
    setPreview(null);
    setApplied(
      `Plan applied: ${planSummary(plan)}.${
        first
          ? ` The timeline shows ${dateText(Date.parse(first.start), first.timeZone)}, the first planned window.`
          : ''
      }`,
    );
    if (first) goTo(dateOfIso(first.start, first.timeZone));
  }

  const listed = preview ? windowsAhead(preview) : [];
  return (
    <section className="panel plan-panel" aria-labelledby="plan-heading">
      <div className="plan-header">
        <h2 id="plan-heading">Auto-plan</h2>
        <form className="inline-form plan-form" onSubmit={run}>
          <div className="field field-inline">
            <label htmlFor={fromId}>From</label>
            <input id={fromId} type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
          </div>
          <button type="submit" className="button-primary" disabled={busy}>
            Preview plan
          </button>
        </form>
        <p className="field-help">
          <Term term="isolation">Isolation</Term> first, inside each department's maintenance slots; patch,
          quality control and reconnection once the vendor's patch is available. Windows placed by hand, in
          progress or done stay where they are.
        </p>
      </div>
      {problem && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      <p role="status" className="plan-status">
        {applied ??
          (preview
            ? `Preview from ${dateText(Date.parse(`${preview.from}T12:00:00Z`), 'UTC')}: ${planSummary(preview)}.`
            : '')}
      </p>
      {preview && (
        <div className="plan-preview">
          {preview.tasks.length === 0 && preview.breaches.length === 0 ? (
            <p>Nothing to plan: no affected device needs a window.</p>
          ) : (
            <>
              {listed.length > 0 && (
                <div className="table-scroll">
                  <table className="table table-compact plan-table">
                    <caption className="visually-hidden">
                      Windows ahead: what the plan adds and moves, then what stays
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">Change</th>
                        <th scope="col">Device</th>
                        <th scope="col">Task</th>
                        <th scope="col">When (site time)</th>
                        <th scope="col">Team</th>
                        <th scope="col">Conflicts</th>
                      </tr>
                    </thead>
                    <tbody>
                      {listed.slice(0, SHOWN_TASKS).map((t) => (
                        <tr key={`${t.deviceId}-${t.kind}`}>
                          <td>{changeLabel(t)}</td>
                          <th scope="row">{t.assetTag}</th>
                          <td>{KIND_LABELS[t.kind]}</td>
                          <td>{spanText(Date.parse(t.start), Date.parse(t.end), t.timeZone)}</td>
                          <td>{t.team ?? 'no team'}</td>
                          <td className={t.conflicts.length > 0 ? 'cell-problems' : undefined}>
                            {t.conflicts.join(' ') || 'none'}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  {listed.length > SHOWN_TASKS && (
                    <p className="field-help">
                      The first {SHOWN_TASKS} of {listed.length} windows ahead; the timeline shows them all
                      once applied.
                    </p>
                  )}
                </div>
              )}
              <div className="plan-lists">
                <section aria-labelledby="breaches-heading">
                  <h3 id="breaches-heading">Breaches ({preview.breaches.length})</h3>
                  {preview.breaches.length === 0 ? (
                    <p className="field-help">Every task fits its policy's deadline.</p>
                  ) : (
                    <ul className="issue-list breach-list">
                      {preview.breaches.slice(0, SHOWN_TASKS).map((b, index) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: a device's task may breach more than one rule
                        <li key={`${b.deviceId}-${b.kind}-${index}`}>
                          <WarningIcon /> <strong>{b.assetTag}</strong> {kindWord(b.kind)}: {b.reason}
                          {b.due && ` (due ${dateText(Date.parse(b.due), zone)})`}
                        </li>
                      ))}
                      {preview.breaches.length > SHOWN_TASKS && (
                        <li>… and {preview.breaches.length - SHOWN_TASKS} more</li>
                      )}
                    </ul>
                  )}
                </section>
                <section aria-labelledby="awaiting-heading">
                  <h3 id="awaiting-heading">Awaiting a patch ({preview.awaitingPatch.length})</h3>
                  {preview.awaitingPatch.length === 0 ? (
                    <p className="field-help">Every planned device has a patch available.</p>
                  ) : (
                    <>
                      <p className="field-help">
                        Isolated only for now; their patch windows follow once the patch is available
                        (Advisories).
                      </p>
                      <ul className="issue-list">
                        {preview.awaitingPatch.slice(0, SHOWN_TASKS).map((a) => (
                          <li key={a.deviceId}>
                            <strong>{a.assetTag}</strong>: patch {spokenStatus(a.patch)}
                          </li>
                        ))}
                        {preview.awaitingPatch.length > SHOWN_TASKS && (
                          <li>… and {preview.awaitingPatch.length - SHOWN_TASKS} more</li>
                        )}
                      </ul>
                    </>
                  )}
                </section>
              </div>
              <p className="field-help">
                Exposure {preview.exposure.toLocaleString('en-GB')}: the sum over devices of CVSS × days until
                isolated (lower is better).
              </p>
            </>
          )}
          <div className="form-actions">
            <button
              type="button"
              className="button-primary"
              disabled={busy || (preview.tasks.length === 0 && preview.changes.removed === 0)}
              onClick={() => void apply()}
            >
              Apply plan
            </button>
            <button type="button" className="button-quiet" onClick={() => setPreview(null)}>
              Discard preview
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** "none-available" as words; the date in "announced, expected 2026-12-13" keeps its hyphens. */
const spokenStatus = (status: string) => status.replace(/^[a-z-]+/, (word) => word.replace(/-/g, ' '));
