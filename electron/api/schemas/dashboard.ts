import { z } from 'zod';
import { ALERTS } from '../device-groups';
import { taskKind } from './site-model';
import { dashboardFigures } from './status';

/** The status report's summary figures (README, "Reports"). */
export const statusFigures = z.object({
  affected: z.number().int(),
  exposed: z.number().int(),
  isolatedAwaitingPatch: z.number().int(),
  patched: z.number().int(),
  verified: z.number().int(),
  riskAccepted: z.number().int(),
  notAffected: z.number().int(),
  /** Patched or verified, of the affected devices, in whole percent (rounded down). */
  percentComplete: z.number().int(),
});
export type StatusFigures = z.infer<typeof statusFigures>;

/** Something that needs a person's action; it links to the Devices view filtered to its group. */
export const dashboardAlert = z.object({ group: z.enum(ALERTS), count: z.number().int(), text: z.string() });
export type DashboardAlert = z.infer<typeof dashboardAlert>;

export const upcomingWindow = z.object({
  id: z.number().int(),
  /** Local to the device's site: 'YYYY-MM-DD HH:mm'. */
  start: z.string(),
  end: z.string(),
  kind: taskKind,
  assetTag: z.string(),
  model: z.string().nullable(),
  department: z.string(),
  location: z.string().nullable(),
  team: z.string().nullable(),
});

export const dashboard = dashboardFigures.extend({
  /** Of `devices` (every device in the inventory, as Devices and the register count them), those decommissioned. */
  decommissionedDevices: z.number().int(),
  status: statusFigures,
  burnDown: z.object({
    points: z.array(z.object({ date: z.string(), exposed: z.number().int(), unpatched: z.number().int() })),
    /** The status report's chart, from the core's escaping HTML builder (an `<svg>`; no imported text in it). */
    svg: z.string(),
  }),
  /** Windows of the next 7 days that are not done. */
  nextWindows: z.array(upcomingWindow),
  /** Only alerts with a count above 0. */
  alerts: z.array(dashboardAlert),
  /** Windows not yet done that break a hard rule (the schedule's conflicts list). */
  conflictingWindows: z.number().int(),
});
export type Dashboard = z.infer<typeof dashboard>;
