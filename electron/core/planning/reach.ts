import { PLANNING_REACH_DAYS } from '../../api/device-lifecycle';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { DAY_MS } from './planning-data';

export { PLANNING_REACH_DAYS };

/** Refuses an instant more than two years before or after now, naming what it is and the value as written. */
export function assertWithinReach(ctx: CoreContext, ms: number, what: string, written: string): void {
  const now = ctx.now().getTime();
  if (Math.abs(ms - now) <= PLANNING_REACH_DAYS * DAY_MS) return;
  throw new AppError(
    'INVALID_INPUT',
    `${what}, ${written}, is more than two years ${ms > now ? 'from' : 'before'} today; check the year.`,
  );
}
