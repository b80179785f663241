import {
  type Blackout,
  DEFAULT_DURATIONS,
  DEFAULT_POLICIES,
  type Policies,
  tasksAtOnce,
  type Weekday,
} from '../api/schemas/site-model';
import { blackoutSpans, occurrences, withoutBlackouts } from '../core/planning/calendar';
import type {
  ExistingWindow,
  PatchState,
  PlanningData,
  PlanningDevice,
  TeamKind,
} from '../core/planning/planning-data';
import { DAY_MS } from '../core/planning/planning-data';

/** A small site described the way a person would, turned into the planner's data (for planner tests). */
export interface SiteSketch {
  readonly zone?: string;
  readonly from: string;
  readonly horizonDays?: number;
  readonly policies?: Partial<Policies>;
  readonly departments: readonly {
    readonly id: number;
    readonly name: string;
    readonly slots: readonly { days: readonly Weekday[]; start: string; end: string }[];
    readonly blackouts?: readonly Blackout[];
    readonly maxDown?: Readonly<Record<string, number>>;
  }[];
  readonly teams: readonly {
    readonly id: number;
    readonly name: string;
    readonly kind: TeamKind;
    readonly days?: readonly Weekday[];
    readonly start?: string;
    readonly end?: string;
    readonly capacity?: number;
  }[];
  readonly devices: readonly (Partial<PlanningDevice> & { id: number; departmentId: number | null })[];
  readonly windows?: readonly ExistingWindow[];
}

export function sketchData(sketch: SiteSketch): PlanningData {
  const zone = sketch.zone ?? 'Europe/Berlin';
  const earliest = Date.parse(`${sketch.from}T00:00:00Z`);
  const horizonEnd = earliest + (sketch.horizonDays ?? 60) * DAY_MS;
  const devices: PlanningDevice[] = sketch.devices.map((d) => ({
    label: `DEV-${String(d.id).padStart(3, '0')}`,
    modality: 'nm',
    state: 'affected',
    networkState: 'connected',
    priority: 98,
    maxCvss: 9.8,
    affectedAt: earliest,
    patch: { kind: 'available', from: earliest } satisfies PatchState,
    minutes: DEFAULT_DURATIONS,
    ...d,
  }));
  const departments = new Map(
    sketch.departments.map((dep) => {
      const counts = new Map<string, number>();
      for (const d of devices) {
        if (d.departmentId === dep.id && d.modality)
          counts.set(d.modality, (counts.get(d.modality) ?? 0) + 1);
      }
      const spans = blackoutSpans(dep.blackouts ?? [], zone);
      return [
        dep.id,
        {
          id: dep.id,
          name: dep.name,
          site: 'Main site',
          zone,
          slots: withoutBlackouts(occurrences(dep.slots, zone, earliest, horizonEnd), spans),
          blackouts: spans,
          maxDown: new Map(Object.entries(dep.maxDown ?? {})),
          modalityCounts: counts,
        },
      ] as const;
    }),
  );
  return {
    earliest,
    horizonEnd,
    policies: { ...DEFAULT_POLICIES, ...sketch.policies },
    departments,
    teams: [...sketch.teams]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((t) => ({
        id: t.id,
        name: t.name,
        kind: t.kind,
        dailyCapacity: t.capacity ?? 480,
        atOnce: tasksAtOnce(t.capacity ?? 480, t.start ?? '00:00', t.end ?? '00:00'),
        shifts: occurrences(
          [
            {
              days: t.days ?? ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
              start: t.start ?? '00:00',
              end: t.end ?? '00:00',
            },
          ],
          zone,
          earliest,
          horizonEnd,
        ),
      })),
    devices,
    windows: sketch.windows ?? [],
  };
}

/** Network, vendor field service and biomed teams that work around the clock. */
export const ROUND_THE_CLOCK_TEAMS: SiteSketch['teams'] = [
  { id: 1, name: 'Network team', kind: 'network' },
  { id: 2, name: 'Siemens field service', kind: 'vendor-field-service' },
  { id: 3, name: 'Biomed', kind: 'biomed' },
];
