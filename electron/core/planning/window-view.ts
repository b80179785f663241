import type { PlannedWindow } from '../../api/schemas/planning';
import type { TaskKind } from '../../api/schemas/site-model';
import type { CoreContext } from '../context';
import { toLocalIso } from './local-time';

interface DeviceFacts {
  assetTag: string;
  model: string | null;
  modality: string | null;
  location: string | null;
  department: string;
  site: string;
  zone: string;
}

/** What a window shows besides its times: the device, where it is, and the team. Read once per request. */
export class WindowDescriber {
  private readonly devices = new Map<number, DeviceFacts>();
  private readonly teams = new Map<number, { name: string; contact: string | null }>();

  constructor(ctx: CoreContext, fallbackZone: string) {
    const rows = ctx.db
      .prepare(
        `SELECT d.id, coalesce(d.asset_tag, 'serial ' || d.serial, 'device ' || d.id) AS assetTag, d.model,
           d.modality, d.location, coalesce(dep.name, '') AS department, coalesce(s.name, '') AS site,
           s.time_zone AS zone
         FROM device d LEFT JOIN department dep ON dep.id = d.department_id LEFT JOIN site s ON s.id = dep.site_id
         WHERE d.state NOT IN ('unassessed', 'not-affected') OR EXISTS (SELECT 1 FROM planned_window w WHERE w.device_id = d.id)`,
      )
      .all() as (DeviceFacts & { id: number; zone: string | null })[];
    for (const row of rows) this.devices.set(row.id, { ...row, zone: row.zone ?? fallbackZone });
    for (const team of ctx.db.prepare('SELECT id, name, contact FROM team').all() as {
      id: number;
      name: string;
      contact: string | null;
    }[])
      this.teams.set(team.id, { name: team.name, contact: team.contact || null });
  }

  describe(w: {
    id: number | null;
    deviceId: number;
    kind: TaskKind;
    start: number;
    end: number;
    teamId: number | null;
    locked: boolean;
    status: PlannedWindow['status'];
    actualStart?: string | null;
    actualEnd?: string | null;
    planned?: { start: number; end: number } | null;
    note: string | null;
    conflicts: readonly string[];
  }): PlannedWindow {
    const device = this.devices.get(w.deviceId) as DeviceFacts;
    const team = w.teamId === null ? undefined : this.teams.get(w.teamId);
    return {
      id: w.id,
      deviceId: w.deviceId,
      assetTag: device.assetTag,
      model: device.model,
      modality: device.modality,
      location: device.location,
      kind: w.kind,
      start: toLocalIso(w.start, device.zone),
      end: toLocalIso(w.end, device.zone),
      team: team?.name ?? null,
      teamContact: team?.contact ?? null,
      department: device.department,
      site: device.site,
      timeZone: device.zone,
      locked: w.locked,
      status: w.status,
      actualStart: w.actualStart ? toLocalIso(Date.parse(w.actualStart), device.zone) : null,
      actualEnd: w.actualEnd ? toLocalIso(Date.parse(w.actualEnd), device.zone) : null,
      plannedStart: w.planned ? toLocalIso(w.planned.start, device.zone) : null,
      plannedEnd: w.planned ? toLocalIso(w.planned.end, device.zone) : null,
      conflicts: [...w.conflicts],
      note: w.note,
    };
  }
}
