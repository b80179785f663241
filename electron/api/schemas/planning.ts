import { z } from 'zod';
import { deviceState } from './devices';
import { localDate, taskKind } from './site-model';

/** An instant with its offset in the site's local time: 2026-12-12T07:00:00.000+01:00. */
export const instant = z.iso.datetime({
  offset: true,
  message: 'must be a date and time with its offset (ISO 8601)',
});

export const windowStatus = z.enum(['planned', 'in-progress', 'done', 'cancelled']);

/** A task placed in time: what the timeline, the worklists and the calendar show. */
export const plannedWindow = z.object({
  /** Null in a plan preview for a task that does not exist yet. */
  id: z.number().int().nullable(),
  deviceId: z.number().int(),
  assetTag: z.string(),
  model: z.string().nullable(),
  modality: z.string().nullable(),
  location: z.string().nullable(),
  kind: taskKind,
  start: z.string(),
  end: z.string(),
  team: z.string().nullable(),
  teamContact: z.string().nullable(),
  department: z.string(),
  site: z.string(),
  timeZone: z.string(),
  /** Placed by hand, in progress or done: the auto-planner leaves it where it is. */
  locked: z.boolean(),
  status: windowStatus,
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  /** A done window is shown at its actual times (start, end); these are the times it had been planned for. */
  plannedStart: z.string().nullable(),
  plannedEnd: z.string().nullable(),
  /** Each hard rule the window breaks, in words; empty when it is fine. */
  conflicts: z.array(z.string()),
  /** Something a person should know (a slot shortened by a daylight-saving change). */
  note: z.string().nullable(),
});
export type PlannedWindow = z.infer<typeof plannedWindow>;

export const breach = z.object({
  deviceId: z.number().int(),
  assetTag: z.string(),
  kind: taskKind,
  reason: z.string(),
  /** The policy's deadline for this task, when there is one. */
  due: z.string().nullable(),
});
export type Breach = z.infer<typeof breach>;

export const planChange = z.enum(['new', 'moved', 'unchanged', 'kept']);

export const plan = z.object({
  from: z.string(),
  tasks: z.array(plannedWindow.extend({ change: planChange })),
  breaches: z.array(breach),
  /** Affected devices that get only isolation, because no patch is available for them yet. */
  awaitingPatch: z.array(z.object({ deviceId: z.number().int(), assetTag: z.string(), patch: z.string() })),
  changes: z.object({
    new: z.number().int(),
    moved: z.number().int(),
    unchanged: z.number().int(),
    /** Unlocked windows the plan no longer needs (the device was decided not affected, ...). */
    removed: z.number().int(),
  }),
  /** Sum over planned devices of CVSS x days until isolated: lower is better. */
  exposure: z.number(),
  applied: z.boolean(),
});
export type Plan = z.infer<typeof plan>;

export const planInput = z
  .object({
    /** The first local day to plan (default: today at the main site). */
    from: localDate.optional(),
  })
  .strict();

export const listWindowsInput = z
  .object({
    from: localDate.optional(),
    to: localDate.optional(),
    department: z.string().trim().max(200).optional(),
    deviceId: z.number().int().positive().optional(),
  })
  .strict();
export type ListWindowsInput = z.output<typeof listWindowsInput>;

export const windowList = z.object({
  windows: z.array(plannedWindow),
  /** Every window with a conflict, wherever it is in time. */
  conflictCount: z.number().int(),
});

const MAX_WINDOW_DAYS = 7;

/** Create a window by hand, or move, resize or reassign one: it becomes locked. */
export const saveWindowInput = z
  .object({
    id: z.number().int().positive().optional(),
    deviceId: z.number().int().positive(),
    kind: taskKind,
    start: instant,
    end: instant,
    team: z.string().trim().max(200).nullable().optional(),
    notes: z.string().trim().max(2000).optional(),
  })
  .strict()
  .refine((w) => Date.parse(w.end) > Date.parse(w.start), {
    message: 'must end after it starts',
    path: ['end'],
  })
  // The longest task is hours; a window of weeks is a mistyped date.
  .refine((w) => Date.parse(w.end) - Date.parse(w.start) <= MAX_WINDOW_DAYS * 86_400_000, {
    message: `must end at most ${MAX_WINDOW_DAYS} days after it starts`,
    path: ['end'],
  });
export type SaveWindowInput = z.output<typeof saveWindowInput>;

export const windowId = z.object({ id: z.number().int().positive() }).strict();

export const completeTaskInput = z
  .object({
    id: z.number().int().positive(),
    /** When the work really started and ended (default: the planned times). */
    actualStart: instant.optional(),
    actualEnd: instant.optional(),
  })
  .strict()
  .refine((t) => !t.actualStart || !t.actualEnd || Date.parse(t.actualEnd) >= Date.parse(t.actualStart), {
    message: 'must not end before it starts',
    path: ['actualEnd'],
  });

export const setDeviceStateInput = z
  .object({
    deviceId: z.number().int().positive().optional(),
    assetTag: z.string().trim().min(1).max(200).optional(),
    state: deviceState,
    reason: z.string().trim().max(2000).optional(),
    /** Risk accepted: who approved it, and when it must be looked at again. */
    approver: z.string().trim().max(200).optional(),
    reviewDate: localDate.optional(),
  })
  .strict()
  .refine((i) => (i.deviceId === undefined) !== (i.assetTag === undefined), {
    message: 'give either the device id or the asset tag',
    path: ['deviceId'],
  });
export type SetDeviceStateInput = z.output<typeof setDeviceStateInput>;

export const stateChange = z.object({
  deviceId: z.number().int(),
  assetTag: z.string().nullable(),
  from: deviceState,
  to: deviceState,
});

export const exportIcsInput = z.object({ department: z.string().trim().max(200).optional() }).strict();
export const icsFile = z.object({
  fileName: z.string(),
  content: z.string(),
  /** Windows to do. */
  events: z.number().int(),
  /** Windows that left the plan lately, as cancelled events for calendars that imported them before. */
  cancellations: z.number().int(),
});
