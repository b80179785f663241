import { useId } from 'react';
import { useSiteModelStore } from '../../../stores/site-model';
import { departmentPath, useDepartmentDraft } from './draft';
import { NumberInput, PlanningField, RemoveRowButton, useFocusOnAdded } from './fields';

/** Per modality, how many of the department's devices may be down at the same time. */
export function AvailabilityRules({ site, department }: { site: number; department: number }) {
  const [value, change] = useDepartmentDraft(site, department);
  const keepOne = useSiteModelStore((state) => state.draft?.policies.keepOneOfEachModality ?? true);
  const heading = useId();
  const rules = value?.availability ?? [];
  const { listRef, added } = useFocusOnAdded<HTMLOListElement>(rules.length);
  if (!value) return null;
  const path = `${departmentPath(site, department)}.availability`;
  return (
    <section aria-labelledby={heading} className="planning-part">
      <h4 id={heading}>Availability rules of {value.name}</h4>
      <p className="field-help">
        {keepOne
          ? 'Without a rule, where the department has two or more devices of a modality, the planner keeps one of them up.'
          : 'Without a rule, the planner may take every device of a modality down at once (the policy "Keep one of each modality up" is off).'}{' '}
        A rule says how many devices of that modality may be down at the same time (0 for none).
      </p>
      <ol className="planning-rows" ref={listRef}>
        {rules.map((rule, index) => {
          const context = `Rule ${index + 1} `;
          const at = `${path}.${index}`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rules are edited in place, the modality may change
            <li key={index} className="planning-row">
              <PlanningField
                label="Modality"
                context={context}
                path={`${at}.modality`}
                hint="As in the register, e.g. NM, PT, CT"
              >
                {(control) => (
                  <input
                    {...control}
                    className="planning-short"
                    value={rule.modality}
                    maxLength={100}
                    onChange={(event) =>
                      change((d) => {
                        const r = d.availability[index];
                        if (r) r.modality = event.target.value;
                      })
                    }
                  />
                )}
              </PlanningField>
              <PlanningField label="At most down at once" context={context} path={`${at}.maxDown`}>
                {(control) => (
                  <NumberInput
                    {...control}
                    value={rule.maxDown}
                    min={0}
                    max={1000}
                    onChange={(maxDown) =>
                      change((d) => {
                        const r = d.availability[index];
                        if (r) r.maxDown = maxDown;
                      })
                    }
                  />
                )}
              </PlanningField>
              <RemoveRowButton
                what="rule"
                index={index}
                onRemove={() => change((d) => void d.availability.splice(index, 1), true)}
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
          change((d) => void d.availability.push({ modality: '', maxDown: 1 }), true);
        }}
      >
        Add availability rule
      </button>
    </section>
  );
}
