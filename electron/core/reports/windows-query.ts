import type { TaskKind } from '../../api/schemas/site-model';
import type { CoreContext } from '../context';
import { shownEnd, shownStart } from '../planning/window-times';
import { addDays, dayStartIso, localDateTime, type ReportScope } from './scope';

export const TASK_LABEL: Record<TaskKind, string> = {
  isolation: 'Isolation',
  patch: 'Patch',
  qc: 'Quality control',
  reconnection: 'Reconnection',
};

export interface WindowLine {
  readonly id: number;
  readonly deviceId: number;
  /** Local to the device's site: 'YYYY-MM-DD HH:mm'. */
  readonly start: string;
  readonly end: string;
  readonly kind: TaskKind;
  readonly assetTag: string;
  readonly model: string | null;
  readonly modality: string | null;
  readonly department: string;
  readonly location: string | null;
  readonly team: string | null;
  readonly status: string;
  readonly notes: string | null;
}

interface Row extends Omit<WindowLine, 'start' | 'end'> {
  start_at: string;
  end_at: string;
  zone: string | null;
}

/** Windows not cancelled that overlap the local days `from` to `to` (both included), in time order. */
export function windowsBetween(
  ctx: CoreContext,
  scope: ReportScope,
  from: string | undefined,
  to: string | undefined,
): WindowLine[] {
  const rows = ctx.db
    .prepare(
      `SELECT w.id, w.device_id AS deviceId, ${shownStart()} AS start_at, ${shownEnd()} AS end_at, w.kind, w.status, trim(coalesce(w.note, '') || ' ' || coalesce(w.notes, '')) AS notes,
         coalesce(d.asset_tag, 'serial ' || d.serial, 'device ' || d.id) AS assetTag, d.model, d.modality,
         coalesce(dep.name, '') AS department, d.location, t.name AS team, s.time_zone AS zone
       FROM planned_window w JOIN device d ON d.id = w.device_id
       LEFT JOIN department dep ON dep.id = d.department_id LEFT JOIN site s ON s.id = dep.site_id
       LEFT JOIN team t ON t.id = w.team_id
       WHERE w.status <> 'cancelled' AND (? IS NULL OR ${shownEnd()} > ?) AND (? IS NULL OR ${shownStart()} < ?)
         AND ${scope.deviceFilter.sql}
       ORDER BY 3, dep.name, assetTag, w.id`,
    )
    .all(
      ...twice(from ? dayStartIso(from, scope.zone) : null),
      ...twice(to ? dayStartIso(addDays(to, 1), scope.zone) : null),
      ...scope.deviceFilter.params,
    ) as Row[];
  return rows.map(({ start_at, end_at, zone, ...row }) => ({
    ...row,
    notes: row.notes || null,
    start: localDateTime(start_at, zone ?? scope.zone),
    end: localDateTime(end_at, zone ?? scope.zone),
  }));
}

const twice = <T>(value: T) => [value, value] as const;
