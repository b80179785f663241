import { needsApproval } from '../../api/device-lifecycle';
import type {
  BulkUpdateDevicesInput,
  BulkUpdateDevicesRequest,
  DeviceState,
} from '../../api/schemas/devices';
import { counted } from '../../api/words';
import { refreshMatches } from '../advisories/matching/refresh-matches';
import type { AuditRecorder } from '../audit/audit-log';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { DeviceEdits } from './device-edits';
import { matchingDeviceIds } from './device-query';
import { applyDeviceChanges } from './device-repository';
import { deviceLabel, findDevice } from './device-state';
import { canMove, REQUIRES, STATE_LABEL } from './lifecycle';

/**
 * One department or state for many devices, in the router's one transaction, each device audited: the devices
 * named by id, or every device the register's search and filters match, found inside that transaction so the
 * change applies to exactly the devices matching at that moment. All or nothing: a step some device cannot take
 * is refused naming those devices, and nothing changes.
 */
export function bulkUpdateDevices(ctx: CoreContext, input: BulkUpdateDevicesRequest, audit: AuditRecorder) {
  const ids = input.ids ?? resolveMatching(ctx, input.matching ?? { search: '', filters: {} });
  return updateByIds(ctx, { ids, changes: input.changes }, audit);
}

function resolveMatching(ctx: CoreContext, matching: NonNullable<BulkUpdateDevicesRequest['matching']>) {
  const ids = matchingDeviceIds(ctx, matching);
  if (ids.length === 0)
    throw new AppError('NOT_FOUND', 'No device matches this filter. Nothing was changed.');
  if (matching.count !== undefined && ids.length !== matching.count) {
    throw new AppError(
      'CONFLICT',
      `The filter now matches ${counted(ids.length, 'device')}, not the ${matching.count.toLocaleString('en-US')} shown: the devices changed meanwhile. Nothing was changed; look at the list again.`,
    );
  }
  return ids;
}

function updateByIds(ctx: CoreContext, input: BulkUpdateDevicesInput, audit: AuditRecorder) {
  // A bulk change carries no approver or review date, so a risk acceptance would be refused at the first device
  // in words that send the person to fields the bulk change does not have.
  if (input.changes.state && needsApproval(input.changes.state)) {
    throw new AppError(
      'INVALID_INPUT',
      'A risk is not accepted for many devices at once: each acceptance needs its approver and review date. Accept it in each device\'s drawer (or with "isopatch set-state"). Nothing was changed.',
    );
  }
  if (input.changes.state) assertAllCanMove(ctx, input.ids, input.changes.state);
  let updated = 0;
  let unchanged = 0;
  const edits = new DeviceEdits(ctx);
  for (const id of input.ids) {
    if (applyDeviceChanges(ctx, id, input.changes, audit, edits)) updated++;
    else unchanged++;
  }
  refreshMatches(ctx, audit, input.ids);
  return { updated, unchanged };
}

const NAMED = 5;

/**
 * All or nothing, as one transaction, but the refusal names every device that cannot take the step, grouped by the
 * state it is in, rather than the first one met: the person can take those out of the selection in one go.
 */
function assertAllCanMove(ctx: CoreContext, ids: readonly number[], to: DeviceState) {
  const refused = new Map<DeviceState, string[]>();
  for (const id of ids) {
    const device = findDevice(ctx, { deviceId: id });
    if (device.state === to || canMove(device.state, to)) continue;
    refused.set(device.state, [...(refused.get(device.state) ?? []), deviceLabel(device)]);
  }
  if (refused.size === 0) return;
  const count = [...refused.values()].reduce((sum, labels) => sum + labels.length, 0);
  const groups = [...refused].map(([from, labels]) => {
    const named = labels.slice(0, NAMED).join(', ');
    const more = labels.length > NAMED ? ` and ${labels.length - NAMED} more` : '';
    return `${labels.length} ${STATE_LABEL[from]} (${named}${more})`;
  });
  throw new AppError(
    'CONFLICT',
    `${count} of the ${ids.length} devices cannot go to "${STATE_LABEL[to]}" (${REQUIRES[to]}): ${groups.join('; ')}. Nothing was changed.`,
  );
}
