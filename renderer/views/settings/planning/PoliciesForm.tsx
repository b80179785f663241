import { useId } from 'react';
import type { Policies } from '../../../../electron/api/schemas/site-model';
import { useModelDraft } from './draft';
import { NumberInput, PlanningField } from './fields';

type NumberPolicy = Exclude<keyof Policies, 'reconnectAfterPatch' | 'keepOneOfEachModality'>;

const NUMBERS: { key: NumberPolicy; label: string; hint: string; min: number; max: number; step?: number }[] =
  [
    {
      key: 'criticalCvss',
      label: 'Critical from CVSS',
      hint: 'A device whose highest CVSS score reaches this is critical.',
      min: 0,
      max: 10,
      step: 0.1,
    },
    {
      key: 'isolateCriticalWithinDays',
      label: 'Isolate critical devices within (days)',
      hint: 'Counted from when the device became affected.',
      min: 0,
      max: 3650,
    },
    {
      key: 'isolateOtherWithinDays',
      label: 'Isolate other devices within (days)',
      hint: 'Counted from when the device became affected.',
      min: 0,
      max: 3650,
    },
    {
      key: 'patchWithinDaysOfAvailability',
      label: 'Patch within (days)',
      hint: 'Counted from the date the patch is available.',
      min: 0,
      max: 3650,
    },
    {
      key: 'horizonDays',
      label: 'Plan ahead (days)',
      hint: 'How far ahead the auto-planner looks, 7 to 730.',
      min: 7,
      max: 730,
    },
  ];

const SWITCHES: { key: 'reconnectAfterPatch' | 'keepOneOfEachModality'; label: string }[] = [
  {
    key: 'reconnectAfterPatch',
    label: 'Reconnect devices to the clinical network once patched and verified',
  },
  {
    key: 'keepOneOfEachModality',
    label: 'Keep one of each modality up where a department has two or more (unless a rule says otherwise)',
  },
];

/** Deadlines and limits the auto-planner works to. */
export function PoliciesForm() {
  const [model, change] = useModelDraft();
  const heading = useId();
  if (!model) return null;
  return (
    <section aria-labelledby={heading} className="planning-block">
      <h3 id={heading}>Policies</h3>
      <div className="planning-grid">
        {NUMBERS.map(({ key, label, hint, min, max, step }) => (
          <PlanningField key={key} label={label} path={`model.policies.${key}`} hint={hint}>
            {(control) => (
              <NumberInput
                {...control}
                value={model.policies[key]}
                min={min}
                max={max}
                step={step}
                onChange={(v) =>
                  change((m) => {
                    m.policies[key] = v;
                  })
                }
              />
            )}
          </PlanningField>
        ))}
      </div>
      {SWITCHES.map(({ key, label }) => (
        <p key={key} className="planning-switch">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={model.policies[key]}
              onChange={(event) =>
                change((m) => {
                  m.policies[key] = event.target.checked;
                })
              }
            />
            {label}
          </label>
        </p>
      ))}
    </section>
  );
}
