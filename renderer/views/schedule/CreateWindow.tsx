import { type FormEvent, useState } from 'react';
import { TASK_KINDS, type TaskKind } from '../../../electron/api/schemas/site-model';
import { call } from '../../api';
import type { WindowFormState } from '../../stores/schedule';
import { afterSave } from './after-save';
import { DeviceChoice } from './DeviceChoice';
import { Field, Problem, TimeField } from './Field';
import { fromLocalInput, HOUR_MS, KIND_LABELS, toInstant, toLocalInput } from './time';
import { usePlannableDevices } from './usePlannableDevices';

interface Props {
  readonly form: Extract<WindowFormState, { mode: 'create' }>;
  readonly teams: readonly string[];
  readonly zoneOf: (department: string | null) => string;
}

/** Plans a window by hand (for the device it was drawn on, or one chosen here); it is saved locked. */
export function CreateWindow({ form, teams, zoneOf }: Props) {
  const choice = usePlannableDevices(form.deviceId);
  const { devices, deviceId } = choice;
  const [kind, setKind] = useState<TaskKind>('isolation');
  const chosen = devices.find((d) => d.id === deviceId);
  const zone = form.zone ?? zoneOf(chosen?.department ?? null);
  const initialStart = form.start ?? Math.ceil(Date.now() / HOUR_MS) * HOUR_MS;
  const [start, setStart] = useState(toLocalInput(initialStart, zone));
  const [end, setEnd] = useState(toLocalInput(form.end ?? initialStart + HOUR_MS / 2, zone));
  const [team, setTeam] = useState('');
  const [notes, setNotes] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    if (deviceId === null) return setProblem('Choose a device.');
    const s = fromLocalInput(start, zone);
    const e = fromLocalInput(end, zone);
    if (s === null || e === null) return setProblem('Give both the start and the end.');
    if (e <= s) return setProblem('The window must end after it starts.');
    const result = await call('saveWindow', {
      deviceId,
      kind,
      start: toInstant(s, zone),
      end: toInstant(e, zone),
      ...(team && { team }),
      ...(notes.trim() && { notes: notes.trim() }),
    });
    if (result.ok) afterSave(result.value, 'planned');
    else setProblem(result.error.message);
  }

  return (
    <form onSubmit={create} aria-label="New window">
      <p className="field-help">
        A window placed by hand is locked: the auto-planner leaves it where it is. It is saved even when it
        breaks a rule, and marked.
      </p>
      {form.deviceId !== undefined ? (
        <p>
          <strong>Device:</strong> {form.deviceLabel}
        </p>
      ) : (
        <DeviceChoice choice={choice} />
      )}
      <div className="dialog-grid">
        <Field label="Task">
          {(fid) => (
            <select id={fid} value={kind} onChange={(e) => setKind(e.target.value as TaskKind)}>
              {TASK_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Team">
          {(fid) => (
            <select id={fid} value={team} onChange={(e) => setTeam(e.target.value)}>
              <option value="">The usual team for the task</option>
              {teams.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          )}
        </Field>
        <TimeField label={`Start (${zone})`} value={start} onChange={setStart} />
        <TimeField label={`End (${zone})`} value={end} onChange={setEnd} />
      </div>
      <Field label="Notes">
        {(fid) => <textarea id={fid} rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />}
      </Field>
      <Problem text={problem} />
      <button type="submit" className="button-primary">
        Plan window
      </button>
    </form>
  );
}
