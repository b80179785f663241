import { useId, useState } from 'react';
import { TEAM_KINDS, type Team, tasksAtOnce, WEEKDAYS } from '../../../../electron/api/schemas/site-model';
import { WEEKDAY_NAMES } from './draft';
import { crossesMidnight, NumberInput, PlanningField, TimeInput, useIssue } from './fields';

export const TEAM_KIND_LABELS: Record<Team['kind'], string> = {
  network: 'Network',
  'vendor-field-service': 'Vendor field service',
  biomed: 'Biomed',
  other: 'Other',
};

interface Props {
  readonly team: Team;
  readonly index: number;
  readonly change: (recipe: (team: Team) => void) => void;
  readonly remove: () => void;
}

const hoursText = (minutes: number) =>
  Number.isFinite(minutes) ? `${Math.round((minutes / 60) * 100) / 100} hours` : '';

/** The planner gives a team as many tasks at once as its minutes a day fill working days (three people: 3). */
const atOnceText = (minutes: number, start: string, end: string) => {
  if (!Number.isFinite(minutes) || !/^\d\d:\d\d$/.test(start) || !/^\d\d:\d\d$/.test(end)) return '';
  const n = tasksAtOnce(minutes, start, end);
  return n === 1 ? ', one task at a time' : `, up to ${n} tasks at once`;
};

/** One team: who does the work, on which days and hours, how many minutes a day, and how to reach them. */
export function TeamCard({ team, index, change, remove }: Props) {
  const path = `model.teams.${index}`;
  const [unit, setUnit] = useState<'minutes' | 'hours'>(
    team.dailyCapacityMinutes > 0 && team.dailyCapacityMinutes % 60 === 0 ? 'hours' : 'minutes',
  );
  const ids = { unit: useId(), days: useId(), daysIssue: useId() };
  const teamIssue = useIssue(path);
  const daysIssue = useIssue(`${path}.workDays`);
  const title = team.name.trim() || 'new team';
  const capacity = team.dailyCapacityMinutes;
  return (
    <fieldset className="planning-team">
      <legend>
        Team {index + 1}: {title}
      </legend>
      {teamIssue && (
        <p className="field-error">
          {title} {teamIssue}.
        </p>
      )}
      <div className="planning-team-grid">
        <PlanningField label="Name" path={`${path}.name`}>
          {(control) => (
            <input
              {...control}
              value={team.name}
              maxLength={200}
              onChange={(event) =>
                change((t) => {
                  t.name = event.target.value;
                })
              }
            />
          )}
        </PlanningField>
        <PlanningField label="Kind" path={`${path}.kind`}>
          {(control) => (
            <select
              {...control}
              value={team.kind}
              onChange={(event) =>
                change((t) => {
                  t.kind = event.target.value as Team['kind'];
                })
              }
            >
              {TEAM_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {TEAM_KIND_LABELS[kind]}
                </option>
              ))}
            </select>
          )}
        </PlanningField>
        <PlanningField label="Works from" path={`${path}.start`}>
          {(control) => (
            <TimeInput
              {...control}
              value={team.start}
              onChange={(v) =>
                change((t) => {
                  t.start = v;
                })
              }
            />
          )}
        </PlanningField>
        <PlanningField
          label="Until"
          path={`${path}.end`}
          hint={crossesMidnight(team.start, team.end) ? 'Ends next day' : undefined}
        >
          {(control) => (
            <TimeInput
              {...control}
              value={team.end}
              onChange={(v) =>
                change((t) => {
                  t.end = v;
                })
              }
            />
          )}
        </PlanningField>
        <PlanningField
          label="Daily capacity"
          path={`${path}.dailyCapacityMinutes`}
          hint={`${
            unit === 'hours' ? `${Number.isFinite(capacity) ? capacity : '–'} minutes` : hoursText(capacity)
          }${atOnceText(capacity, team.start, team.end)}`}
        >
          {(control) => (
            <span className="planning-capacity">
              <NumberInput
                {...control}
                value={unit === 'hours' ? capacity / 60 : capacity}
                min={0}
                max={unit === 'hours' ? 24 : 1440}
                step={unit === 'hours' ? 0.25 : 15}
                onChange={(v) => {
                  const minutes = unit === 'hours' && Number.isFinite(v) ? Math.round(v * 60) : v;
                  change((t) => {
                    t.dailyCapacityMinutes = minutes;
                  });
                }}
              />
              <label htmlFor={ids.unit} className="visually-hidden">
                Unit of the daily capacity
              </label>
              <select
                id={ids.unit}
                value={unit}
                onChange={(event) => setUnit(event.target.value as 'minutes' | 'hours')}
              >
                <option value="minutes">minutes</option>
                <option value="hours">hours</option>
              </select>
            </span>
          )}
        </PlanningField>
      </div>
      <fieldset
        className="planning-days"
        aria-invalid={daysIssue ? true : undefined}
        aria-describedby={daysIssue ? ids.daysIssue : undefined}
      >
        <legend>Work days</legend>
        {WEEKDAYS.map((day) => (
          <label key={day} className="checkbox" title={WEEKDAY_NAMES[day]}>
            <input
              type="checkbox"
              checked={team.workDays.includes(day)}
              onChange={(event) =>
                change((t) => {
                  const days = new Set(t.workDays);
                  if (event.target.checked) days.add(day);
                  else days.delete(day);
                  t.workDays = WEEKDAYS.filter((d) => days.has(d));
                })
              }
            />
            {day}
          </label>
        ))}
        {daysIssue && (
          <p id={ids.daysIssue} className="field-error">
            Work days {daysIssue}: tick at least one day.
          </p>
        )}
      </fieldset>
      <div className="planning-row">
        <PlanningField
          label="Contact"
          path={`${path}.contact`}
          className="planning-grow"
          hint="Phone, e-mail, contract number: shown with every window of this team."
        >
          {(control) => (
            <input
              {...control}
              value={team.contact}
              maxLength={500}
              onChange={(event) =>
                change((t) => {
                  t.contact = event.target.value;
                })
              }
            />
          )}
        </PlanningField>
        <button type="button" className="button-quiet planning-remove" onClick={remove}>
          Remove team<span className="visually-hidden"> {title}</span>
        </button>
      </div>
    </fieldset>
  );
}
