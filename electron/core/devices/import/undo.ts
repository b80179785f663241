import type { AuditRecorder } from '../../audit/audit-log';
import { type CoreContext, isoNow } from '../../context';
import { AppError } from '../../errors';
import { type DeviceRecord, type DeviceSnapshot, SNAPSHOT_COLUMNS, snapshotOf } from '../device-record';

interface BatchDevice {
  device_id: number;
  action: 'added' | 'updated' | 'unchanged';
  before_json: string | null;
  after_json: string | null;
}

const LATER_EDIT_SHOWN = 5;

/**
 * Restores exactly the state before the batch for every device it touched. When a device changed since
 * (an edit, a later import), nothing is undone and the message names those devices.
 */
export function undoImport(ctx: CoreContext, batchId: number, audit: AuditRecorder) {
  const batch = ctx.db.prepare('SELECT id, file_name, status FROM import_batch WHERE id = ?').get(batchId) as
    | { id: number; file_name: string; status: string }
    | undefined;
  if (!batch) throw new AppError('NOT_FOUND', `There is no import batch ${batchId}.`);
  if (batch.status === 'undone')
    throw new AppError('CONFLICT', `Import batch ${batchId} was already undone.`);

  const links = ctx.db
    .prepare(
      "SELECT device_id, action, before_json, after_json FROM import_batch_device WHERE batch_id = ? AND action <> 'unchanged'",
    )
    .all(batchId) as BatchDevice[];
  const readDevice = ctx.db.prepare('SELECT * FROM device WHERE id = ?');
  const plannedWindows = ctx.db.prepare('SELECT count(*) FROM planned_window WHERE device_id = ?').pluck();
  const changedSince: string[] = [];
  for (const link of links) {
    const current = readDevice.get(link.device_id) as DeviceRecord | undefined;
    const after = JSON.parse(link.after_json ?? 'null') as DeviceSnapshot | null;
    const planned = link.action === 'added' ? plannedWindows.get(link.device_id) : 0;
    if (!current || !after || !sameSnapshot(snapshotOf(current), after) || planned !== 0) {
      changedSince.push(current?.asset_tag ?? current?.serial ?? `#${link.device_id}`);
    }
  }
  if (changedSince.length > 0) {
    const named = changedSince.slice(0, LATER_EDIT_SHOWN).join(', ');
    const more =
      changedSince.length > LATER_EDIT_SHOWN ? ` and ${changedSince.length - LATER_EDIT_SHOWN} more` : '';
    throw new AppError(
      'CONFLICT',
      `Import batch ${batchId} (${batch.file_name}) cannot be undone: ${changedSince.length} of its devices changed after it (${named}${more}). Nothing was changed.`,
    );
  }

  const at = isoNow(ctx);
  const restore = ctx.db.prepare(
    `UPDATE device SET ${SNAPSHOT_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @at WHERE id = @id`,
  );
  const remove = ctx.db.prepare('DELETE FROM device WHERE id = ?');
  let removed = 0;
  let restored = 0;
  for (const link of links) {
    if (link.action === 'added') {
      remove.run(link.device_id); // its matches and batch links go with it (ON DELETE CASCADE)
      removed++;
    } else {
      restore.run({ ...(JSON.parse(link.before_json ?? '{}') as DeviceSnapshot), at, id: link.device_id });
      restored++;
    }
    audit({
      entity: 'device',
      entityId: link.device_id,
      action: 'undo',
      before: JSON.parse(link.after_json ?? 'null'),
      after: JSON.parse(link.before_json ?? 'null'),
      batchId,
    });
  }
  ctx.db.prepare("UPDATE import_batch SET status = 'undone', undone_at = ? WHERE id = ?").run(at, batchId);
  audit({
    entity: 'import_batch',
    entityId: batchId,
    action: 'undo',
    before: { status: 'committed' },
    after: { status: 'undone' },
    batchId,
  });
  return { batchId, removed, restored };
}

const sameSnapshot = (a: DeviceSnapshot, b: DeviceSnapshot) => SNAPSHOT_COLUMNS.every((c) => a[c] === b[c]);
