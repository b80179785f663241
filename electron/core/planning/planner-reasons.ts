import type { TaskKind } from '../../api/schemas/site-model';
import {
  type PlanningDepartment,
  type PlanningDevice,
  TEAM_KIND_LABEL,
  type TeamKind,
} from './planning-data';

/** Why a maintenance slot could not take a downtime; the team kind for the reasons that are a team's. */
export type Failure = 'too-short' | 'availability' | `${'hours' | 'capacity' | 'busy'}:${TeamKind}`;

/**
 * The slots the searches for one kind of downtime refused, and why, in time order: a search resumed where the
 * last one stopped still knows the refusals it skipped, so each breach's reason counts the slots really tried
 * between its own earliest start and its deadline.
 */
export class FailureLog {
  private readonly times: number[] = [];
  /** Per failure, how many were recorded before each event: counts over a span are two lookups. */
  private readonly before = new Map<Failure, number[]>();

  record(at: number, failure: Failure): void {
    // Searches run forward in time; a slot overlapping the one before keeps the order all the same.
    const time = Math.max(at, this.times.at(-1) ?? at);
    const index = this.times.length;
    this.times.push(time);
    if (!this.before.has(failure)) this.before.set(failure, new Array<number>(index + 1).fill(0));
    for (const [kind, counts] of this.before) {
      const last = counts[index] ?? 0;
      counts.push(last + (kind === failure ? 1 : 0));
    }
  }

  /** How many slots were refused for each reason in [from, until). */
  between(from: number, until: number): Map<Failure, number> {
    const first = this.firstAtOrAfter(from);
    const end = this.firstAtOrAfter(until);
    const counts = new Map<Failure, number>();
    for (const [failure, before] of this.before) {
      const n = (before[end] ?? 0) - (before[first] ?? 0);
      if (n > 0) counts.set(failure, n);
    }
    return counts;
  }

  private firstAtOrAfter(at: number): number {
    let low = 0;
    let high = this.times.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.times[mid] as number) < at) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/** A breach's reason in words, from what blocked the slots that were tried, most frequent first. */
export function explainFailures(
  counts: ReadonlyMap<Failure, number>,
  department: PlanningDepartment,
  device: PlanningDevice,
  steps: readonly { kind: TaskKind; minutes: number }[],
  /** Whether the slots tried were those before the deadline, or all in the horizon. */
  scope: 'before-due' | 'all',
): string {
  if (department.slots.length === 0) return `${department.name} has no maintenance slots`;
  if (counts.size === 0)
    return `${department.name} has no maintenance slot early enough (blackouts and the weekly slots leave none)`;
  const minutes = steps.reduce((sum, s) => sum + s.minutes, 0);
  const modality = device.modality ?? 'device';
  const words = (failure: Failure) => {
    if (failure === 'too-short')
      return `the maintenance slots are shorter than the ${minutes} minutes the work takes`;
    if (failure === 'availability')
      return `${department.name} must keep enough ${modality.toUpperCase()} systems up (availability rule)`;
    const [reason, kind] = failure.split(':') as ['hours' | 'capacity' | 'busy', TeamKind];
    const team = TEAM_KIND_LABEL[kind];
    if (reason === 'hours')
      return `the ${team} does not work during ${department.name}'s maintenance slots${scope === 'before-due' ? ' before then' : ''}`;
    if (reason === 'capacity') return `the ${team}'s daily capacity is used up`;
    return `the ${team} is busy with as many tasks at once as it has people`;
  };
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([failure]) => words(failure))
    .join('; ');
}
