import type { DashboardFigures } from '../../api/schemas/status';
import { type CoreContext, isoNow } from '../context';

// Device states in which a device is known to be affected (whatever has been done about it since).
const AFFECTED_STATES = `('affected', 'isolation-planned', 'isolated', 'patch-planned', 'patched', 'verified',
  'reconnected', 'risk-accepted')`;
// Affected, and neither isolated nor patched: the device is still reachable by an attacker.
const EXPOSED = `state IN ('affected', 'isolation-planned') AND network_state = 'connected'`;

export function getDashboardFigures(ctx: CoreContext): DashboardFigures {
  const count = (sql: string, ...params: unknown[]) =>
    ctx.db
      .prepare(sql)
      .pluck()
      .get(...params) as number;
  return {
    devices: count("SELECT count(*) FROM device WHERE state <> 'decommissioned'"),
    advisories: count('SELECT count(*) FROM advisory'),
    affectedDevices: count(`SELECT count(*) FROM device WHERE state IN ${AFFECTED_STATES}`),
    exposedDevices: count(`SELECT count(*) FROM device WHERE ${EXPOSED}`),
    upcomingWindows: count(
      "SELECT count(*) FROM planned_window WHERE status = 'planned' AND end_at >= ?",
      isoNow(ctx),
    ),
    importBatches: count("SELECT count(*) FROM import_batch WHERE status = 'committed'"),
  };
}
