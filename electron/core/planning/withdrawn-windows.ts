import type { CoreContext } from '../context';
import type { WithdrawnWindow } from './calendar-file';
import { DAY_MS } from './planning-data';

/** How long a calendar export keeps telling calendars about windows that left the plan. */
const WITHDRAWN_FOR_DAYS = 180;

/**
 * Windows that left the plan in the last half year, as the calendar export cancels them: deleted ones from the
 * audit log (which keeps their times), cancelled ones from their rows. An id in use again by a live window is not
 * withdrawn (SQLite may give a deleted window's id to a new one).
 */
export function withdrawnWindows(ctx: CoreContext, department: string | undefined): WithdrawnWindow[] {
  const since = new Date(ctx.now().getTime() - WITHDRAWN_FOR_DAYS * DAY_MS).toISOString();
  const rows = ctx.db
    .prepare(
      `WITH gone AS (
         SELECT CAST(a.entity_id AS INTEGER) AS id, json_extract(a.before_json, '$.deviceId') AS device_id,
           json_extract(a.before_json, '$.kind') AS kind, json_extract(a.before_json, '$.start') AS start,
           json_extract(a.before_json, '$.end') AS end, a.id AS seen
         FROM audit_log a
         WHERE a.entity = 'planned_window' AND a.action = 'delete' AND a.at >= @since
           AND json_extract(a.before_json, '$.start') IS NOT NULL
         UNION ALL
         SELECT id, device_id, kind, start_at, end_at, 0 FROM planned_window
         WHERE status = 'cancelled' AND updated_at >= @since
       )
       SELECT g.id, g.kind, g.start, g.end, coalesce(d.asset_tag, 'serial ' || d.serial, 'device ' || d.id) AS assetTag,
         coalesce(dep.name, 'no department') AS department, max(g.seen) AS seen
       FROM gone g JOIN device d ON d.id = g.device_id LEFT JOIN department dep ON dep.id = d.department_id
       WHERE NOT EXISTS (SELECT 1 FROM planned_window w WHERE w.id = g.id AND w.status <> 'cancelled')
         AND (@department IS NULL OR dep.name = @department)
       GROUP BY g.id ORDER BY g.start, g.id`,
    )
    .all({ since, department: department ?? null }) as (WithdrawnWindow & { seen: number })[];
  return rows.map(({ seen: _seen, ...window }) => window);
}
