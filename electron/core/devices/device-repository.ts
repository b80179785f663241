import type { DeviceChanges, DeviceDetail, FieldFlag } from '../../api/schemas/devices';
import { AWAITING_PERSON } from '../advisories/matching/match-review';
import { refreshMatches } from '../advisories/matching/refresh-matches';
import { PatchBook } from '../advisories/patch-for-device';
import type { AuditRecorder } from '../audit/audit-log';
import { listAudit } from '../audit/audit-log';
import { type CoreContext, isoNow } from '../context';
import { prepared } from '../db/prepared';
import { AppError } from '../errors';
import { DeviceEdits } from './device-edits';
import { assertKeyKept } from './device-key';
import {
  DEVICE_COLUMNS,
  DEVICE_JOINS,
  type DeviceRow,
  type DeviceSnapshot,
  snapshotOf,
  TEXT_COLUMNS,
  toDevice,
} from './device-record';
import { findDevice, moveDevice } from './device-state';
import { checkIp, cleanText, normalizeMac } from './import/normalize';

const READ_ROW = `SELECT ${DEVICE_COLUMNS} FROM ${DEVICE_JOINS} WHERE d.id = ?`;

function readRow(ctx: CoreContext, id: number): DeviceRow {
  const row = prepared(ctx.db, READ_ROW).get(id) as DeviceRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `There is no device with id ${id}.`);
  return row;
}

export function getDevice(ctx: CoreContext, id: number): DeviceDetail {
  const row = readRow(ctx, id);
  const batches = ctx.db
    .prepare(
      `SELECT b.id AS batchId, b.file_name AS fileName, b.imported_at AS importedAt, 'added' AS action,
         b.status = 'undone' AS undone
       FROM import_batch b WHERE b.id = ?
       UNION ALL
       SELECT b.id, b.file_name, b.imported_at, 'updated', b.status = 'undone'
       FROM import_batch_device l JOIN import_batch b ON b.id = l.batch_id WHERE l.device_id = ?
       ORDER BY 1 DESC`,
    )
    .all(row.import_batch_id, id) as {
    batchId: number;
    fileName: string;
    importedAt: string;
    action: 'added';
    undone: number;
  }[];
  const matches = deviceMatches(ctx, id);
  const risk = ctx.db
    .prepare(
      "SELECT risk_approver AS riskApprover, risk_review_date AS riskReviewDate FROM device WHERE id = ? AND state = 'risk-accepted'",
    )
    .get(id) as { riskApprover: string | null; riskReviewDate: string | null } | undefined;
  return {
    ...toDevice(row),
    riskApprover: risk?.riskApprover ?? null,
    riskReviewDate: risk?.riskReviewDate ?? null,
    matches,
    batches: batches.map((b) => ({ ...b, undone: b.undone === 1 })),
    history: listAudit(ctx, { limit: 200, entity: 'device', entityId: String(id) }),
  };
}

/** A hand edit: validated like an import, except that a bad value is refused instead of flagged. */
export function updateDevice(
  ctx: CoreContext,
  id: number,
  changes: DeviceChanges,
  audit: AuditRecorder,
): DeviceDetail {
  if (applyDeviceChanges(ctx, id, changes, audit)) refreshMatches(ctx, audit, [id]);
  return getDevice(ctx, id);
}

/** Writes the changes and audits them; false when they change nothing. Many edits share one `edits`. */
export function applyDeviceChanges(
  ctx: CoreContext,
  id: number,
  changes: DeviceChanges,
  audit: AuditRecorder,
  edits = new DeviceEdits(ctx),
): boolean {
  const current = readRow(ctx, id);
  const before = snapshotOf(current);
  const next: DeviceSnapshot = { ...before };
  const touched = new Set<string>();
  for (const [field, column] of Object.entries(TEXT_COLUMNS) as [
    keyof typeof TEXT_COLUMNS,
    keyof DeviceSnapshot,
  ][]) {
    if (!(field in changes)) continue;
    const raw = changes[field];
    const value = raw === null || raw === undefined ? null : cleanText(raw) || null;
    (next[column] as string | null) = value === null ? null : checked(field, value);
    touched.add(field);
  }
  // Before the directories below, which would add a vendor or department for an edit that is refused.
  assertKeyKept(before, next);
  if ('manufacturer' in changes) {
    next.vendor_id = next.manufacturer ? edits.vendors.resolveOrCreate(next.manufacturer, audit).id : null;
  }
  if ('department' in changes) {
    const name = changes.department ? cleanText(changes.department) : '';
    next.department_id = name ? edits.departments.findOrCreate(name, audit) : null;
    touched.add('department');
  }
  if (next.asset_tag === null && next.serial === null) {
    throw new AppError('INVALID_INPUT', 'A device needs an asset tag or a serial number.');
  }
  const flags = (JSON.parse(before.flags_json) as FieldFlag[]).filter((flag) => !touched.has(flag.field));
  next.flags_json = JSON.stringify(flags);

  const changedColumns = (Object.keys(next) as (keyof DeviceSnapshot)[]).filter((c) => next[c] !== before[c]);
  const controls =
    changes.controls !== undefined
      ? JSON.stringify({ ...JSON.parse(current.controls_json), ...changes.controls })
      : undefined;
  // A new state goes through the lifecycle, as from the state form: the network follows isolation and
  // reconnection, the isolation deadline starts, a side state cancels the open windows.
  const stateMove = changes.state && changes.state !== current.state ? changes.state : null;
  const stateChanges = {
    ...(!stateMove && changes.stateReason !== undefined && changes.stateReason !== current.state_reason
      ? { state_reason: changes.stateReason }
      : {}),
    ...(changes.networkState && changes.networkState !== current.network_state
      ? { network_state: changes.networkState }
      : {}),
    ...(controls !== undefined && controls !== current.controls_json ? { controls_json: controls } : {}),
  };
  const moveState = () => {
    if (!stateMove) return false;
    moveDevice(ctx, findDevice(ctx, { deviceId: id }), stateMove, { reason: changes.stateReason }, audit);
    return true;
  };
  if (changedColumns.length === 0 && Object.keys(stateChanges).length === 0) return moveState();
  const assignments = { ...Object.fromEntries(changedColumns.map((c) => [c, next[c]])), ...stateChanges };
  try {
    prepared(
      ctx.db,
      `UPDATE device SET revision = revision + 1, ${Object.keys(assignments)
        .map((c) => `${c} = @${c}`)
        .join(', ')}, updated_at = @at WHERE id = @id`,
    ).run({ ...assignments, at: isoNow(ctx), id });
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new AppError('CONFLICT', `Another device already has the asset tag "${next.asset_tag}".`);
    }
    throw error;
  }
  audit({
    entity: 'device',
    entityId: id,
    action: 'update',
    before: Object.fromEntries(
      Object.keys(assignments).map((c) => [
        c,
        c in before ? before[c as keyof DeviceSnapshot] : current[c as 'state'],
      ]),
    ),
    after: assignments,
  });
  moveState();
  return true;
}

function checked(field: keyof typeof TEXT_COLUMNS, value: string): string {
  if (field === 'ip') {
    const ip = checkIp(value);
    if (ip.problem) throw new AppError('INVALID_INPUT', `The IP address "${value}" ${ip.problem}.`);
  }
  if (field === 'mac') {
    const mac = normalizeMac(value);
    if (mac.problem) throw new AppError('INVALID_INPUT', `The MAC address "${value}" ${mac.problem}.`);
    return mac.value;
  }
  if (field === 'installDate' && !isIsoDate(value)) {
    throw new AppError('INVALID_INPUT', `The install date "${value}" is not a date in the form YYYY-MM-DD.`);
  }
  return value;
}

function isIsoDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
  );
}

/** The advisories matched to a device, each with the patch status for its software version. */
function deviceMatches(ctx: CoreContext, id: number): DeviceDetail['matches'] {
  const rows = ctx.db
    .prepare(
      `SELECT a.tracking_id AS advisory, a.title, m.basis, m.status, ${AWAITING_PERSON} AS awaiting, m.reason,
         (SELECT max(v.cvss_score) FROM vulnerability v WHERE v.advisory_id = a.id) AS maxCvss,
         m.advisory_id, p.family_id, d.software_version
       FROM device_match m JOIN advisory a ON a.id = m.advisory_id JOIN device d ON d.id = m.device_id
       LEFT JOIN advisory_product p ON p.id = m.advisory_product_id
       WHERE m.device_id = ? ORDER BY maxCvss DESC, a.tracking_id`,
    )
    .all(id) as (Omit<DeviceDetail['matches'][number], 'patch' | 'awaitingPerson'> & {
    awaiting: 0 | 1;
    advisory_id: number;
    family_id: number | null;
    software_version: string | null;
  })[];
  // The patch row is chosen by the device's software version where the vendor distinguishes versions.
  const patches = new PatchBook(ctx);
  return rows.map(({ advisory_id, family_id, software_version, awaiting, ...match }) => ({
    ...match,
    awaitingPerson: awaiting === 1,
    patch: patches.forDevice(advisory_id, family_id, software_version).status,
  }));
}
