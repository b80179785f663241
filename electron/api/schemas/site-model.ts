import { z } from 'zod';
import { plainText, timeZone } from './common';

/**
 * The site model as a JSON file (`isopatch site import|export`) and as Settings > Planning edits it:
 * sites, departments with their weekly maintenance slots, blackout dates, availability rules, teams,
 * task durations and the planning policies. The README documents it field by field.
 */

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export const weekday = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof weekday>;

export const TASK_KINDS = ['isolation', 'patch', 'qc', 'reconnection'] as const;
export const taskKind = z.enum(TASK_KINDS);
export type TaskKind = z.infer<typeof taskKind>;

export const TEAM_KINDS = ['network', 'vendor-field-service', 'biomed', 'other'] as const;
export const teamKind = z.enum(TEAM_KINDS);

/** A local time of day, 24 hours: 07:00, 22:30. */
export const localTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM (00:00-23:59)');
export const localDate = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });

/** Weekly, in the site's local time; an end at or before the start means the slot crosses midnight. */
export const maintenanceSlot = z
  .object({ day: weekday, start: localTime, end: localTime })
  .strict()
  .refine((s) => s.start !== s.end, { message: 'must not start and end at the same time', path: ['end'] });
export type MaintenanceSlot = z.infer<typeof maintenanceSlot>;

/** Whole local days on which no work is planned (holidays, clinical events). */
export const blackout = z
  .object({ from: localDate, to: localDate, reason: z.string().trim().max(500).default('') })
  .strict()
  .refine((b) => b.to >= b.from, { message: 'must not end before it starts', path: ['to'] });
export type Blackout = z.infer<typeof blackout>;

/** How many devices of a modality the department may have down at the same time. */
export const availabilityRule = z
  .object({ modality: plainText(100), maxDown: z.number().int().min(0).max(1000) })
  .strict();
export type AvailabilityRule = z.infer<typeof availabilityRule>;

const uniqueBy =
  <T>(key: (item: T) => string, what: string) =>
  (items: readonly T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const k = key(item).toLowerCase();
      if (seen.has(k))
        ctx.addIssue({ code: 'custom', message: `${what} "${key(item)}" appears twice`, path: [index] });
      seen.add(k);
    });
  };

export const department = z
  .object({
    name: plainText(200),
    maintenanceSlots: z.array(maintenanceSlot).max(100).default([]),
    blackouts: z.array(blackout).max(1000).default([]),
    availability: z
      .array(availabilityRule)
      .max(200)
      .default([])
      .superRefine(uniqueBy((r) => r.modality, 'modality')),
  })
  .strict();
export type Department = z.infer<typeof department>;

export const site = z
  .object({
    name: plainText(200),
    timeZone,
    departments: z
      .array(department)
      .max(1000)
      .default([])
      .superRefine(uniqueBy((d) => d.name, 'department')),
    blackouts: z.array(blackout).max(1000).default([]),
  })
  .strict();
export type Site = z.infer<typeof site>;

export const team = z
  .object({
    name: plainText(200),
    kind: teamKind,
    workDays: z.array(weekday).min(1).max(7).default(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']),
    /** Working hours in the local time of the site where the work happens; may cross midnight. */
    start: localTime.default('07:00'),
    end: localTime.default('16:00'),
    /** Person-minutes the team can give per working day (a team of three on 8-hour days: 1440). */
    dailyCapacityMinutes: z.number().int().min(0).max(100_000).default(480),
    contact: z.string().trim().max(500).default(''),
  })
  .strict()
  .refine((t) => t.start !== t.end, { message: 'must not start and end at the same time', path: ['end'] });
export type Team = z.infer<typeof team>;

/**
 * The tasks a team can work on at the same moment: its person-minutes a day over the length of its working day,
 * rounded up (three people on 8-hour days give 1440 minutes: 3 at once). A team of one does one task at a time,
 * however many minutes are left in its day.
 */
export function tasksAtOnce(dailyCapacity: number, start: string, end: string): number {
  const minutesOf = (time: string) => {
    const [hours, minutes] = time.split(':').map(Number) as [number, number];
    return hours * 60 + minutes;
  };
  const length = (minutesOf(end) - minutesOf(start) + 1440) % 1440 || 1440;
  return Math.max(1, Math.ceil(dailyCapacity / length));
}

const minutes = z.number().int().min(1).max(1440);
export const taskMinutes = z
  .object({ isolation: minutes, patch: minutes, qc: minutes, reconnection: minutes })
  .partial()
  .strict();
export type TaskMinutes = z.infer<typeof taskMinutes>;

export const DEFAULT_DURATIONS = { isolation: 30, patch: 180, qc: 60, reconnection: 30 } as const;

export const durations = z
  .object({
    default: z
      .object({ isolation: minutes, patch: minutes, qc: minutes, reconnection: minutes })
      .strict()
      .default(DEFAULT_DURATIONS),
    /** By product family name (Symbia, PET/CT, ...). */
    families: z.record(z.string().max(200), taskMinutes).default({}),
    /** By asset tag. */
    devices: z.record(z.string().max(200), taskMinutes).default({}),
  })
  .strict();
export type Durations = z.infer<typeof durations>;

export const DEFAULT_POLICIES = {
  criticalCvss: 9,
  isolateCriticalWithinDays: 7,
  isolateOtherWithinDays: 30,
  patchWithinDaysOfAvailability: 30,
  reconnectAfterPatch: true,
  keepOneOfEachModality: true,
  horizonDays: 180,
} as const;

export const policies = z
  .object({
    /** A device whose highest CVSS reaches this is critical. */
    criticalCvss: z.number().min(0).max(10).default(DEFAULT_POLICIES.criticalCvss),
    isolateCriticalWithinDays: z
      .number()
      .int()
      .min(0)
      .max(3650)
      .default(DEFAULT_POLICIES.isolateCriticalWithinDays),
    isolateOtherWithinDays: z
      .number()
      .int()
      .min(0)
      .max(3650)
      .default(DEFAULT_POLICIES.isolateOtherWithinDays),
    patchWithinDaysOfAvailability: z
      .number()
      .int()
      .min(0)
      .max(3650)
      .default(DEFAULT_POLICIES.patchWithinDaysOfAvailability),
    /** Reconnect patched and verified devices to the clinical network. */
    reconnectAfterPatch: z.boolean().default(DEFAULT_POLICIES.reconnectAfterPatch),
    /** Without a rule: a department with two or more devices of a modality keeps at least one of them up. */
    keepOneOfEachModality: z.boolean().default(DEFAULT_POLICIES.keepOneOfEachModality),
    /** How far ahead the auto-planner looks. */
    horizonDays: z.number().int().min(7).max(730).default(DEFAULT_POLICIES.horizonDays),
  })
  .strict();
export type Policies = z.infer<typeof policies>;

export const siteModel = z
  .object({
    format: z.literal('isopatch-site-model').default('isopatch-site-model'),
    version: z.literal(1).default(1),
    sites: z
      .array(site)
      .min(1, 'must name at least one site')
      .max(100)
      .superRefine(uniqueBy((s) => s.name, 'site')),
    teams: z
      .array(team)
      .max(100)
      .default([])
      .superRefine(uniqueBy((t) => t.name, 'team')),
    durations: durations.default({ default: DEFAULT_DURATIONS, families: {}, devices: {} }),
    policies: policies.default(DEFAULT_POLICIES),
  })
  .strict();
/** As read back from the database: every default filled in. */
export type SiteModel = z.output<typeof siteModel>;
export type SiteModelInput = z.input<typeof siteModel>;

export const saveSiteModelInput = z.object({ model: siteModel }).strict();

export const siteModelResult = z.object({
  model: siteModel,
  /** Teams that were in the database but not in the file, kept because windows are assigned to them. */
  keptTeams: z.array(z.string()),
});
