/**
 * When a window is shown, listed and counted: done work at the times it really took (recorded when it was
 * marked done), everything else at its planned times. The timeline, worklists, reports, calendar and the
 * planner's team occupancy all read the same, so paper shows when the work happened. The planned times stay in
 * start_at/end_at, and the plannedStart/plannedEnd of a done window say what they were.
 */
export const shownStart = (w = 'w') =>
  `iif(${w}.status = 'done' AND ${w}.actual_start IS NOT NULL, ${w}.actual_start, ${w}.start_at)`;
export const shownEnd = (w = 'w') =>
  `iif(${w}.status = 'done' AND ${w}.actual_end IS NOT NULL, ${w}.actual_end, ${w}.end_at)`;

interface StoredTimes {
  readonly status: string;
  readonly start_at: string;
  readonly end_at: string;
  readonly actual_start: string | null;
  readonly actual_end: string | null;
}

/** The same rule for a row already read: [start, end] in epoch milliseconds. */
export function shownTimes(row: StoredTimes): readonly [number, number] {
  const done = row.status === 'done';
  return [
    Date.parse(done && row.actual_start ? row.actual_start : row.start_at),
    Date.parse(done && row.actual_end ? row.actual_end : row.end_at),
  ];
}
