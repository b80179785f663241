import { useId } from 'react';
import { useModelDraft } from './draft';
import { useFocusOnAdded } from './fields';
import { TeamCard } from './TeamCard';

/** The teams that carry out the work; the planner fits windows into their days, hours and capacity. */
export function TeamList() {
  const [model, change] = useModelDraft();
  const heading = useId();
  const teams = model?.teams ?? [];
  const { listRef, added } = useFocusOnAdded<HTMLDivElement>(teams.length);
  return (
    <section aria-labelledby={heading} className="planning-block">
      <h3 id={heading}>Teams</h3>
      <p className="field-help">
        The planner gives isolation and reconnection to a network team, the patch to a vendor field service
        team and QC to a biomed team. Hours are local to the site where the work happens and may run past
        midnight. A team that planned windows use is kept when removed here.
      </p>
      {teams.length === 0 && <p>No teams yet.</p>}
      <div ref={listRef} className="planning-teams">
        {teams.map((team, index) => (
          <TeamCard
            // biome-ignore lint/suspicious/noArrayIndexKey: a team's name is edited in place, so it cannot be the key
            key={index}
            team={team}
            index={index}
            change={(recipe) =>
              change((m) => {
                const t = m.teams[index];
                if (t) recipe(t);
              })
            }
            remove={() => change((m) => void m.teams.splice(index, 1), true)}
          />
        ))}
      </div>
      <button
        type="button"
        className="button-quiet"
        onClick={() => {
          added();
          change(
            (m) =>
              void m.teams.push({
                name: '',
                kind: 'biomed',
                workDays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'],
                start: '07:00',
                end: '16:00',
                dailyCapacityMinutes: 480,
                contact: '',
              }),
            true,
          );
        }}
      >
        Add team
      </button>
    </section>
  );
}
