import type { TaskKind } from '../../api/schemas/site-model';
import { type PlanningDepartment, type PlanningDevice, TEAM_FOR, TEAM_KIND_LABEL } from './planning-data';

/** Why a maintenance slot could not take a downtime. */
export type Failure = 'too-short' | 'availability' | 'hours' | 'capacity' | 'busy';
/** Failures counted over every slot tried ('all') and over those before the deadline ('before-due'). */
export type FailureTally = Map<'all' | 'before-due', Map<Failure, number>>;

/** A breach's reason in words, from what blocked the slots that were tried. */
export function explainFailures(
  counts: ReadonlyMap<Failure, number>,
  department: PlanningDepartment,
  device: PlanningDevice,
  steps: readonly { kind: TaskKind; minutes: number }[],
): string {
  if (department.slots.length === 0) return `${department.name} has no maintenance slots`;
  if (counts.size === 0)
    return `${department.name} has no maintenance slot early enough (blackouts and the weekly slots leave none)`;
  const team = TEAM_KIND_LABEL[TEAM_FOR[(steps[0] as (typeof steps)[number]).kind]];
  const minutes = steps.reduce((sum, s) => sum + s.minutes, 0);
  const modality = device.modality ?? 'device';
  const words: Record<Failure, string> = {
    'too-short': `the maintenance slots are shorter than the ${minutes} minutes the work takes`,
    availability: `${department.name} must keep enough ${modality.toUpperCase()} systems up (availability rule)`,
    hours: `the ${team} does not work during ${department.name}'s maintenance slots`,
    capacity: `the ${team}'s daily capacity is used up`,
    busy: `the ${team} is busy with as many tasks at once as it has people`,
  };
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([failure]) => words[failure])
    .join('; ');
}
