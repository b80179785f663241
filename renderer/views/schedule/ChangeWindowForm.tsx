import { type FormEvent, useState } from 'react';
import type { PlannedWindow } from '../../../electron/api/schemas/planning';
import { call } from '../../api';
import { afterSave } from './after-save';
import { Field, TimeField } from './Field';
import { fromLocalInput, toInstant, toLocalInput } from './time';

interface Props {
  readonly window: PlannedWindow;
  readonly teams: readonly string[];
  onProblem(text: string): void;
}

/** Moves an existing window to other times (in its site's time zone) or gives it another team. */
export function ChangeWindowForm({ window: w, teams, onProblem }: Props) {
  const zone = w.timeZone;
  const [start, setStart] = useState(toLocalInput(Date.parse(w.start), zone));
  const [end, setEnd] = useState(toLocalInput(Date.parse(w.end), zone));
  const [team, setTeam] = useState(w.team ?? '');

  async function save(event: FormEvent) {
    event.preventDefault();
    const s = fromLocalInput(start, zone);
    const e = fromLocalInput(end, zone);
    if (s === null || e === null) return onProblem('Give both the start and the end.');
    if (e <= s) return onProblem('The window must end after it starts.');
    const result = await call('saveWindow', {
      id: w.id as number,
      deviceId: w.deviceId,
      kind: w.kind,
      start: toInstant(s, zone),
      end: toInstant(e, zone),
      ...(team !== (w.team ?? '') && { team: team || null }),
    });
    if (result.ok) afterSave(result.value, 'saved');
    else onProblem(result.error.message);
  }

  return (
    <form className="dialog-section" onSubmit={save} aria-label="Change the window">
      <h3>Change the window</h3>
      <div className="dialog-grid dialog-grid-3">
        <TimeField label={`Start (${zone})`} value={start} onChange={setStart} />
        <TimeField label={`End (${zone})`} value={end} onChange={setEnd} />
        <Field label="Team">
          {(fid) => (
            <select id={fid} value={team} onChange={(e) => setTeam(e.target.value)}>
              <option value="">No team assigned</option>
              {teams.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <button type="submit" className="button-primary">
        Save window
      </button>
    </form>
  );
}
