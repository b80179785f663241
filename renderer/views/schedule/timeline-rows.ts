import type { PlannedWindow } from '../../../electron/api/schemas/planning';
import { barGeometry } from './bar-geometry';

export const barKey = (w: PlannedWindow) => w.id ?? `${w.kind}-${w.start}`;

/**
 * A short window's words go beside its bar, so windows close in time (a patch and the QC right after it) may meet
 * on screen: each goes on the first track of its lane where neither its bar nor its words cover another's, and the
 * lane grows. The bars themselves keep their true times.
 */
export function tracksOf(windows: readonly PlannedWindow[], xOf: (ms: number) => number, trackWidth: number) {
  const track = new Map<string | number, number>();
  const ends: number[] = [];
  const placed = windows
    .map((w) => ({ w, at: barGeometry(w, Date.parse(w.start), Date.parse(w.end), xOf, trackWidth) }))
    .sort((a, b) => a.at.from - b.at.from);
  for (const { w, at } of placed) {
    const right = at.to + 2;
    let index = ends.findIndex((end) => end <= at.from);
    if (index < 0) index = ends.push(right) - 1;
    else ends[index] = right;
    track.set(barKey(w), index);
  }
  return { track, count: Math.max(1, ends.length) };
}

export interface Lane {
  readonly deviceId: number;
  readonly assetTag: string;
  readonly model: string | null;
  readonly modality: string | null;
  readonly zone: string;
  readonly department: string;
  readonly site: string;
  readonly windows: readonly PlannedWindow[];
}

export interface DepartmentHeading {
  readonly type: 'department';
  readonly key: string;
  readonly name: string;
  readonly site: string;
  readonly lanes: number;
}

export type Row = DepartmentHeading | ({ readonly type: 'lane'; readonly key: string } & Lane);

/** Departments (by name), each with one lane per device (by asset tag) that has a window in the range. */
export function rowsOf(windows: readonly PlannedWindow[]): Row[] {
  const departments = new Map<string, { name: string; site: string; lanes: Map<number, Lane> }>();
  for (const w of windows) {
    const key = `${w.site}|${w.department}`;
    let department = departments.get(key);
    if (!department) {
      department = { name: w.department || 'No department', site: w.site, lanes: new Map() };
      departments.set(key, department);
    }
    const lane = department.lanes.get(w.deviceId);
    if (lane) (lane.windows as PlannedWindow[]).push(w);
    else
      department.lanes.set(w.deviceId, {
        deviceId: w.deviceId,
        assetTag: w.assetTag,
        model: w.model,
        modality: w.modality,
        zone: w.timeZone,
        department: w.department,
        site: w.site,
        windows: [w],
      });
  }
  const byName = (a: string, b: string) => a.localeCompare(b, undefined, { numeric: true });
  const rows: Row[] = [];
  for (const [key, department] of [...departments].sort((a, b) => byName(a[1].name, b[1].name))) {
    rows.push({
      type: 'department',
      key: `d:${key}`,
      name: department.name,
      site: department.site,
      lanes: department.lanes.size,
    });
    for (const lane of [...department.lanes.values()].sort((a, b) => byName(a.assetTag, b.assetTag)))
      rows.push({ type: 'lane', key: `l:${lane.deviceId}`, ...lane });
  }
  return rows;
}
