import { type FormEvent, useState } from 'react';
import type { PlannedWindow } from '../../../electron/api/schemas/planning';
import { call } from '../../api';
import { useScheduleStore, windowTitle } from '../../stores/schedule';
import { TimeField } from './Field';
import { fromLocalInput, kindWord, spanText, toInstant, toLocalInput } from './time';

const FIVE_MINUTES = 5 * 60_000;

/**
 * The planned times, or, for a window marked done before its planned end, the planned length ending now (to
 * the five minutes): the core refuses an end still ahead, since work is recorded once it is done.
 */
function suggestedTimes(w: PlannedWindow): { start: number; end: number } {
  const start = Date.parse(w.start);
  const end = Date.parse(w.end);
  const now = Math.floor(Date.now() / FIVE_MINUTES) * FIVE_MINUTES;
  return end <= now ? { start, end } : { start: now - (end - start), end: now };
}

/** Records when the work really happened; the device then moves on to its next stage. */
export function MarkDoneForm({
  window: w,
  onProblem,
}: {
  window: PlannedWindow;
  onProblem(text: string): void;
}) {
  const zone = w.timeZone;
  const id = w.id as number;
  const [suggested] = useState(() => suggestedTimes(w));
  const [actualStart, setActualStart] = useState(toLocalInput(suggested.start, zone));
  const [actualEnd, setActualEnd] = useState(toLocalInput(suggested.end, zone));

  async function markDone(event: FormEvent) {
    event.preventDefault();
    const s = fromLocalInput(actualStart, zone);
    const e = fromLocalInput(actualEnd, zone);
    if (s === null || e === null) return onProblem('Give both the actual start and the actual end.');
    if (e < s) return onProblem('The work must not end before it starts.');
    const result = await call('completeTask', {
      id,
      actualStart: toInstant(s, zone),
      actualEnd: toInstant(e, zone),
    });
    if (!result.ok) return onProblem(result.error.message);
    const store = useScheduleStore.getState();
    store.closeForm();
    store.select(id, true);
    store.say(
      // Named as it was planned; the timeline now shows it when it was done.
      `${windowTitle(w)} marked done (${spanText(Date.parse(result.value.start), Date.parse(result.value.end), zone)}); ${result.value.assetTag} moves on.`,
    );
  }

  return (
    <form className="dialog-section" onSubmit={markDone} aria-label="Mark done">
      <h3>Mark done</h3>
      <div className="dialog-grid dialog-grid-3">
        <TimeField label="Actual start" value={actualStart} onChange={setActualStart} />
        <TimeField label="Actual end" value={actualEnd} onChange={setActualEnd} />
        <div className="dialog-grid-action">
          <button type="submit" className="button-primary">
            Mark done
          </button>
        </div>
      </div>
      <p className="field-help">
        When the work really happened, in {zone} time; the device moves on ({kindWord(w.kind)} done).
      </p>
    </form>
  );
}
