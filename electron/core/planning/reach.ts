import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { DAY_MS } from './planning-data';

/**
 * How far from today a plan may start and a window may lie. Isolation and patch work is planned for the coming
 * months and recorded for the past ones; a date decades away is a typo, and every conflict check would walk the
 * maintenance calendar across all the years between.
 */
export const PLANNING_REACH_DAYS = 2 * 366;

/** Refuses an instant more than two years before or after now, naming what it is and the value as written. */
export function assertWithinReach(ctx: CoreContext, ms: number, what: string, written: string): void {
  const now = ctx.now().getTime();
  if (Math.abs(ms - now) <= PLANNING_REACH_DAYS * DAY_MS) return;
  throw new AppError(
    'INVALID_INPUT',
    `${what}, ${written}, is more than two years ${ms > now ? 'from' : 'before'} today; check the year.`,
  );
}
