import { useId } from 'react';
import { TASK_KINDS, type TaskKind, type TaskMinutes } from '../../../../electron/api/schemas/site-model';
import { useModelDraft } from './draft';
import { NumberInput, PlanningField } from './fields';

export const TASK_LABELS: Record<TaskKind, string> = {
  isolation: 'Isolation',
  patch: 'Patch',
  qc: 'QC',
  reconnection: 'Reconnection',
};

const minutesText = (minutes: TaskMinutes) =>
  TASK_KINDS.filter((kind) => minutes[kind] !== undefined)
    .map((kind) => `${TASK_LABELS[kind].toLowerCase()} ${minutes[kind]} min`)
    .join(', ');

/** How long each task takes by default; product families and devices may take longer (from the site file). */
export function DurationsForm() {
  const [model, change] = useModelDraft();
  const heading = useId();
  if (!model) return null;
  const { families, devices } = model.durations;
  const overrides = [
    ...Object.entries(families).map(([name, m]) => `Product family ${name}: ${minutesText(m)}`),
    ...Object.entries(devices).map(([tag, m]) => `Device ${tag}: ${minutesText(m)}`),
  ];
  return (
    <section aria-labelledby={heading} className="planning-block">
      <h3 id={heading}>Task durations</h3>
      <p className="field-help">
        Minutes each task takes (1 to 1440), unless a product family or device says otherwise. The planner
        takes the most specific: device, then family, then these.
      </p>
      <div className="planning-grid">
        {TASK_KINDS.map((kind) => (
          <PlanningField
            key={kind}
            label={`${TASK_LABELS[kind]} (minutes)`}
            path={`model.durations.default.${kind}`}
          >
            {(control) => (
              <NumberInput
                {...control}
                value={model.durations.default[kind]}
                min={1}
                max={1440}
                step={5}
                onChange={(v) =>
                  change((m) => {
                    m.durations.default[kind] = v;
                  })
                }
              />
            )}
          </PlanningField>
        ))}
      </div>
      {overrides.length > 0 ? (
        <>
          <p className="field-help">
            Set for particular families and devices (kept as they are; change them in the site model file):
          </p>
          <ul className="issue-list">
            {overrides.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="field-help">
          No family or device has durations of its own; a site model file can set them.
        </p>
      )}
    </section>
  );
}
