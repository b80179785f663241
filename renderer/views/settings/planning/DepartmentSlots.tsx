import { useId } from 'react';
import { WEEKDAYS, type Weekday } from '../../../../electron/api/schemas/site-model';
import { Term } from '../../../components/Term';
import { departmentPath, useDepartmentDraft, WEEKDAY_NAMES } from './draft';
import { crossesMidnight, PlanningField, RemoveRowButton, TimeInput, useFocusOnAdded } from './fields';

const nextDay = (day: Weekday): Weekday => WEEKDAYS[(WEEKDAYS.indexOf(day) + 1) % 7] ?? 'Mon';

/** The weekly maintenance slots of one department: when it can give a device up, in the site's local time. */
export function DepartmentSlots({ site, department }: { site: number; department: number }) {
  const [value, change] = useDepartmentDraft(site, department);
  const heading = useId();
  const slots = value?.maintenanceSlots ?? [];
  const { listRef, added } = useFocusOnAdded<HTMLOListElement>(slots.length);
  if (!value) return null;
  const path = `${departmentPath(site, department)}.maintenanceSlots`;
  return (
    <section aria-labelledby={heading} className="planning-part">
      <h4 id={heading}>
        <Term term="maintenance-slot">Maintenance slots</Term> of {value.name}
      </h4>
      <p className="field-help">
        A maintenance slot is a weekly time when {value.name} can give a device up for isolation, patching or
        QC, in the site's local time. An end at or before the start runs into the next day.
      </p>
      {slots.length === 0 && <p>No maintenance slots yet: nothing can be planned in {value.name}.</p>}
      <ol className="planning-rows" ref={listRef}>
        {slots.map((slot, index) => {
          const context = `Slot ${index + 1} `;
          const at = `${path}.${index}`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: slots have no identity beyond their place in the list
            <li key={index} className="planning-row">
              <PlanningField label="Day" context={context} path={`${at}.day`}>
                {(control) => (
                  <select
                    {...control}
                    value={slot.day}
                    onChange={(event) =>
                      change((d) => {
                        const s = d.maintenanceSlots[index];
                        if (s) s.day = event.target.value as Weekday;
                      })
                    }
                  >
                    {WEEKDAYS.map((day) => (
                      <option key={day} value={day}>
                        {WEEKDAY_NAMES[day]}
                      </option>
                    ))}
                  </select>
                )}
              </PlanningField>
              <PlanningField label="Start" context={context} path={`${at}.start`}>
                {(control) => (
                  <TimeInput
                    {...control}
                    value={slot.start}
                    onChange={(start) =>
                      change((d) => {
                        const s = d.maintenanceSlots[index];
                        if (s) s.start = start;
                      })
                    }
                  />
                )}
              </PlanningField>
              <PlanningField
                label="End"
                context={context}
                path={`${at}.end`}
                hint={
                  crossesMidnight(slot.start, slot.end)
                    ? `Ends next day (${WEEKDAY_NAMES[nextDay(slot.day)]} ${slot.end})`
                    : undefined
                }
              >
                {(control) => (
                  <TimeInput
                    {...control}
                    value={slot.end}
                    onChange={(end) =>
                      change((d) => {
                        const s = d.maintenanceSlots[index];
                        if (s) s.end = end;
                      })
                    }
                  />
                )}
              </PlanningField>
              <RemoveRowButton
                what="slot"
                index={index}
                onRemove={() => change((d) => void d.maintenanceSlots.splice(index, 1), true)}
              />
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button-quiet"
        onClick={() => {
          added();
          change((d) => void d.maintenanceSlots.push({ day: 'Mon', start: '', end: '' }), true);
        }}
      >
        Add maintenance slot
      </button>
    </section>
  );
}
