import type { BulkUpdateDevicesRequest } from '../../api/schemas/devices';
import { counted } from '../../api/words';
import type { AuditRecorder } from '../audit/audit-log';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { matchingDeviceIds } from './device-query';
import { bulkUpdateDevices as updateByIds } from './device-repository';

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
