import { AppError } from '../errors';
import type { DeviceSnapshot } from './device-record';

type Key = Pick<DeviceSnapshot, 'asset_tag' | 'serial'>;

/**
 * An edit may change the key an import finds the device by, never empty it: the next import of the same file would
 * not find the device and would add it a second time. The key is the asset tag; a device imported without one
 * (keyed by its serial number) is found by its serial number.
 */
export function assertKeyKept(before: Key, next: Key): void {
  if (before.asset_tag !== null && next.asset_tag === null) {
    throw new AppError(
      'INVALID_INPUT',
      `The asset tag of ${before.asset_tag} cannot be emptied: imports find the device by it.`,
    );
  }
  if (before.asset_tag === null && before.serial !== null && next.serial === null) {
    throw new AppError(
      'INVALID_INPUT',
      `The serial number of ${before.serial} cannot be emptied: the device has no asset tag, and imports find it by its serial number.`,
    );
  }
}
