import type { DeviceState } from '../../api/schemas/devices';
import type { Policies, TaskKind } from '../../api/schemas/site-model';
import type { Occurrence, Span } from './calendar';

/**
 * Everything the auto-planner and the conflict check read, as plain values: times are epoch milliseconds,
 * calendars are already expanded into occurrences. Loading it is the only place that touches the database,
 * so the planner itself is a pure function that property tests can drive with random sites.
 */
export interface PlanningData {
  /** No task starts before this instant (the later of now and the start of the first planned day). */
  readonly earliest: number;
  /** Nor ends after this one. */
  readonly horizonEnd: number;
  readonly policies: Policies;
  readonly departments: ReadonlyMap<number, PlanningDepartment>;
  /** Sorted by name, so the planner picks among teams of a kind the same way every time. */
  readonly teams: readonly PlanningTeam[];
  /** Devices that still need work, in no particular order (the planner sorts them). */
  readonly devices: readonly PlanningDevice[];
  /** Existing windows that are not cancelled. */
  readonly windows: readonly ExistingWindow[];
}

export interface PlanningDepartment {
  readonly id: number;
  readonly name: string;
  readonly site: string;
  readonly zone: string;
  /** Maintenance slot occurrences with blackout days cut out, sorted. */
  readonly slots: readonly Occurrence[];
  readonly blackouts: readonly (Span & { readonly reason: string })[];
  /** How many devices of a modality (lower case) may be down at once; absent means no limit. */
  readonly maxDown: ReadonlyMap<string, number>;
  /** Devices of each modality (lower case) in the department, for messages. */
  readonly modalityCounts: ReadonlyMap<string, number>;
}

export type TeamKind = 'network' | 'vendor-field-service' | 'biomed' | 'other';

export interface PlanningTeam {
  readonly id: number;
  readonly name: string;
  readonly kind: TeamKind;
  readonly dailyCapacity: number;
  /** How many tasks the team can work on at the same moment (tasksAtOnce of the site model). */
  readonly atOnce: number;
  /** Working periods, sorted; capacity counts per working period. */
  readonly shifts: readonly Occurrence[];
}

export type PatchState =
  | { readonly kind: 'available'; readonly from: number }
  | { readonly kind: 'awaiting'; readonly status: string }
  | { readonly kind: 'no-fix' };

export interface PlanningDevice {
  readonly id: number;
  readonly label: string;
  readonly departmentId: number | null;
  /** Lower case, or null when unknown. */
  readonly modality: string | null;
  readonly state: DeviceState;
  readonly networkState: 'connected' | 'isolated' | 'disconnected';
  readonly priority: number;
  readonly maxCvss: number;
  /** When the device became affected: its isolation deadline counts from here. */
  readonly affectedAt: number;
  readonly patch: PatchState;
  readonly minutes: Readonly<Record<TaskKind, number>>;
}

export interface ExistingWindow {
  readonly id: number;
  readonly deviceId: number;
  readonly kind: TaskKind;
  readonly start: number;
  readonly end: number;
  readonly teamId: number | null;
  readonly locked: boolean;
  readonly status: 'planned' | 'in-progress' | 'done';
  /** The device's department and modality (lower case), for the availability rule. */
  readonly departmentId: number | null;
  readonly modality: string | null;
}

/** Locked, in progress or done: the auto-planner plans around it and never moves it. */
export const isFixed = (w: ExistingWindow) => w.locked || w.status !== 'planned';

export const TEAM_FOR: Readonly<Record<TaskKind, TeamKind>> = {
  isolation: 'network',
  patch: 'vendor-field-service',
  qc: 'biomed',
  reconnection: 'network',
};

export const TEAM_KIND_LABEL: Readonly<Record<TeamKind, string>> = {
  network: 'network team',
  'vendor-field-service': 'vendor field service',
  biomed: 'biomed team',
  other: 'team',
};

export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;
