import { refreshMatches } from '../../advisories/matching/refresh-matches';
import type { AuditRecorder } from '../../audit/audit-log';
import { type CoreContext, isoNow } from '../../context';
import { AppError } from '../../errors';
import { type DeviceSnapshot, SNAPSHOT_COLUMNS } from '../device-record';

const LATER_EDIT_SHOWN = 5;

interface Touched {
  id: number;
  label: string;
  action: 'added' | 'updated';
  /** Whether the device changed after the batch (an edit, a later import) or was planned since. */
  changedSince: boolean;
  before: string | null;
  /** The device's revision right after the batch updated it (null for devices the batch added). */
  revisionAfter: number | null;
}

/**
 * Restores exactly the state before the batch for every device it touched: devices it added are removed,
 * devices it updated get their previous columns back. When any of them changed since, nothing is undone and the
 * message names them.
 */
export function undoImport(ctx: CoreContext, batchId: number, audit: AuditRecorder) {
  const batch = ctx.db.prepare('SELECT id, file_name, status FROM import_batch WHERE id = ?').get(batchId) as
    | { id: number; file_name: string; status: string }
    | undefined;
  if (!batch) throw new AppError('NOT_FOUND', `There is no import batch ${batchId}.`);
  if (batch.status === 'undone')
    throw new AppError('CONFLICT', `Import batch ${batchId} was already undone.`);

  const label = "coalesce(d.asset_tag, d.serial, '#' || d.id)";
  const touched = [
    ...(ctx.db
      .prepare(
        `SELECT d.id, ${label} AS label, 'added' AS action, NULL AS before, NULL AS revisionAfter,
           d.revision <> 0 OR EXISTS (SELECT 1 FROM planned_window w WHERE w.device_id = d.id) AS changedSince
         FROM device d WHERE d.import_batch_id = ?`,
      )
      .all(batchId) as Touched[]),
    ...(ctx.db
      .prepare(
        `SELECT d.id, ${label} AS label, 'updated' AS action, l.before_json AS before, l.revision_after AS revisionAfter,
           d.revision <> l.revision_after AS changedSince
         FROM import_batch_device l JOIN device d ON d.id = l.device_id WHERE l.batch_id = ?`,
      )
      .all(batchId) as Touched[]),
  ];
  const changed = touched.filter((device) => device.changedSince);
  if (changed.length > 0) {
    const named = changed
      .slice(0, LATER_EDIT_SHOWN)
      .map((device) => device.label)
      .join(', ');
    const more = changed.length > LATER_EDIT_SHOWN ? ` and ${changed.length - LATER_EDIT_SHOWN} more` : '';
    throw new AppError(
      'CONFLICT',
      `Import batch ${batchId} (${batch.file_name}) cannot be undone: ${changed.length} of its devices changed after it (${named}${more}). Nothing was changed.`,
    );
  }

  const at = isoNow(ctx);
  // The revision goes back too: the device is as it was before the batch, so an earlier batch that touched it can
  // be undone next (newest first), as if this one had never run.
  const restore = ctx.db.prepare(
    `UPDATE device SET ${SNAPSHOT_COLUMNS.map((c) => `${c} = ?`).join(', ')}, revision = ?, updated_at = ?
     WHERE id = ?`,
  );
  // Each removed device keeps a line in the audit trail saying what it was (set-based: a batch may have added
  // 100,000 of them).
  audit.selected(
    `SELECT 'device' AS entity, CAST(id AS TEXT) AS entity_id, 'undo' AS action,
       json_object('assetTag', asset_tag, 'serial', serial, 'manufacturer', manufacturer, 'model', model,
         'location', location) AS before_json,
       json_object('removed', 1, 'undoneBatch', @batchId) AS after_json
     FROM device WHERE import_batch_id = @batchId ORDER BY id`,
    { batchId },
  );
  const removed = ctx.db.prepare('DELETE FROM device WHERE import_batch_id = ?').run(batchId).changes;
  let restored = 0;
  for (const device of touched.filter((d) => d.action === 'updated')) {
    const before = JSON.parse(device.before ?? '{}') as DeviceSnapshot;
    restore.run(...SNAPSHOT_COLUMNS.map((c) => before[c]), (device.revisionAfter ?? 1) - 1, at, device.id);
    audit({ entity: 'device', entityId: device.id, action: 'undo', after: before, batchId });
    restored++;
  }
  ctx.db.prepare("UPDATE import_batch SET status = 'undone', undone_at = ? WHERE id = ?").run(at, batchId);
  refreshMatches(
    ctx,
    audit,
    touched.filter((d) => d.action === 'updated').map((d) => d.id),
  );
  audit({
    entity: 'import_batch',
    entityId: batchId,
    action: 'undo',
    before: { status: 'committed' },
    after: { status: 'undone', removedDevices: removed, restoredDevices: restored },
    batchId,
  });
  return { batchId, removed, restored };
}
