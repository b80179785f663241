import type { DeviceState } from '../../api/schemas/devices';
import type { SetDeviceStateInput } from '../../api/schemas/planning';
import { refreshPriority } from '../advisories/matching/risk';
import type { AuditRecorder } from '../audit/audit-log';
import { type CoreContext, isoNow } from '../context';
import { prepared } from '../db/prepared';
import { AppError } from '../errors';
import { mainZone } from '../planning/load-planning';
import { localDateOf } from '../planning/local-time';
import { assertTransition, canRenew, isSideState, networkAfter, type StateDetails } from './lifecycle';

interface StateRow {
  id: number;
  asset_tag: string | null;
  serial: string | null;
  state: DeviceState;
  network_state: 'connected' | 'isolated' | 'disconnected';
  state_reason: string | null;
  risk_approver: string | null;
  risk_review_date: string | null;
}

const SELECT = `SELECT id, asset_tag, serial, state, network_state, state_reason, risk_approver, risk_review_date
  FROM device`;

export const deviceLabel = (row: { id: number; asset_tag: string | null; serial: string | null }) =>
  row.asset_tag ?? (row.serial ? `serial ${row.serial}` : `device ${row.id}`);

export function findDevice(ctx: CoreContext, by: { deviceId?: number; assetTag?: string }): StateRow {
  const row =
    by.deviceId !== undefined
      ? prepared(ctx.db, `${SELECT} WHERE id = ?`).get(by.deviceId)
      : prepared(ctx.db, `${SELECT} WHERE asset_tag = ?`).get(by.assetTag);
  if (!row) {
    throw new AppError(
      'NOT_FOUND',
      by.deviceId !== undefined
        ? `No device has the id ${by.deviceId}.`
        : `No device has the asset tag "${by.assetTag}".`,
    );
  }
  return row as StateRow;
}

/**
 * Moves one device to a new state if the lifecycle allows it, with what the step implies: the network state
 * follows isolation and reconnection, and a side state cancels the device's open windows. A risk acceptance given
 * again (risk accepted -> risk accepted) is renewed in place: its reason, approver and review date are replaced.
 * Audited; the same state with the same details changes nothing.
 */
export function moveDevice(
  ctx: CoreContext,
  device: StateRow,
  to: DeviceState,
  details: StateDetails,
  audit: AuditRecorder,
): void {
  const label = deviceLabel(device);
  const today = () => localDateOf(ctx.now().getTime(), mainZone(ctx));
  assertTransition(label, device.state, to, details, today);
  const entered = device.state !== to;
  if (!entered && !canRenew(to)) return;
  const next = {
    state: to,
    network_state: networkAfter(to, device.network_state),
    state_reason: details.reason ?? (isSideState(to) ? null : device.state_reason),
    risk_approver: to === 'risk-accepted' ? (details.approver ?? null) : device.risk_approver,
    risk_review_date: to === 'risk-accepted' ? (details.reviewDate ?? null) : device.risk_review_date,
  };
  const unchanged =
    !entered &&
    next.state_reason === device.state_reason &&
    next.risk_approver === device.risk_approver &&
    next.risk_review_date === device.risk_review_date;
  if (unchanged) return;
  const at = isoNow(ctx);
  prepared(
    ctx.db,
    `UPDATE device SET state = @state, network_state = @network_state, state_reason = @state_reason,
         risk_approver = @risk_approver, risk_review_date = @risk_review_date, revision = revision + 1, state_by_matching = 0,
         affected_at = CASE WHEN @state = 'affected' AND affected_at IS NULL THEN @at ELSE affected_at END,
         updated_at = @at
       WHERE id = @id`,
  ).run({ ...next, at, id: device.id });
  audit({
    entity: 'device',
    entityId: device.id,
    action: 'update',
    before: {
      state: device.state,
      network_state: device.network_state,
      state_reason: device.state_reason,
      risk_approver: device.risk_approver,
      risk_review_date: device.risk_review_date,
    },
    after: next,
  });
  refreshPriority(ctx, device.id);
  if (entered && isSideState(to)) cancelOpenWindows(ctx, device.id, `device ${next.state}`, audit);
}

function cancelOpenWindows(ctx: CoreContext, deviceId: number, why: string, audit: AuditRecorder) {
  const open = prepared(
    ctx.db,
    "SELECT id, kind, start_at, end_at FROM planned_window WHERE device_id = ? AND status IN ('planned', 'in-progress')",
  ).all(deviceId) as { id: number; kind: string; start_at: string; end_at: string }[];
  const cancel = prepared(
    ctx.db,
    "UPDATE planned_window SET status = 'cancelled', updated_at = ? WHERE id = ?",
  );
  for (const window of open) {
    cancel.run(isoNow(ctx), window.id);
    audit({
      entity: 'planned_window',
      entityId: window.id,
      action: 'update',
      before: { status: 'planned' },
      after: { status: 'cancelled', reason: why },
    });
  }
}

/** `isopatch set-state` and the drawer's state form. */
export function setDeviceState(ctx: CoreContext, input: SetDeviceStateInput, audit: AuditRecorder) {
  const device = findDevice(ctx, input);
  const from = device.state;
  moveDevice(ctx, device, input.state, input, audit);
  return { deviceId: device.id, assetTag: device.asset_tag, from, to: input.state };
}

/**
 * Follows the matches: a device not yet assessed with a confirmed match becomes affected (its isolation deadline
 * starts now); a device matching made affected returns to "not assessed" when its confirmed matches are gone.
 * A state a person set is theirs. Audited per device. Set-based: a large import makes tens of thousands affected.
 */
export function syncAffectedStates(ctx: CoreContext, audit: AuditRecorder): number {
  const confirmed =
    "EXISTS (SELECT 1 FROM device_match m WHERE m.device_id = device.id AND m.status = 'confirmed')";
  const moves = [
    { from: 'unassessed', to: 'affected', where: `state = 'unassessed' AND ${confirmed}` },
    {
      from: 'affected',
      to: 'unassessed',
      where: `state = 'affected' AND state_by_matching = 1 AND NOT ${confirmed}`,
    },
  ] as const;
  const at = isoNow(ctx);
  let moved = 0;
  for (const { from, to, where } of moves) {
    audit.selected(
      `SELECT 'device' AS entity, CAST(id AS TEXT) AS entity_id, 'update' AS action,
         json_object('state', '${from}') AS before_json, json_object('state', '${to}', 'by', 'matching') AS after_json
       FROM device WHERE ${where} ORDER BY id`,
    );
    // No revision bump: the revision counts what people and imports change ("Undo import" compares it), and this
    // follows the matches, which an undone import recomputes anyway.
    moved += ctx.db
      .prepare(
        `UPDATE device SET state = '${to}', state_by_matching = ${to === 'affected' ? 1 : 0}, updated_at = @at,
           affected_at = ${to === 'affected' ? 'coalesce(affected_at, @at)' : 'affected_at'}
         WHERE ${where}`,
      )
      .run({ at }).changes;
  }
  return moved;
}
