import type { DeviceState } from '../../api/schemas/devices';
import type { AuditRecorder } from '../audit/audit-log';
import type { CoreContext } from '../context';
import { findDevice, moveDevice } from '../devices/device-state';

/**
 * Keeps the "planned" states true to the windows: an affected device with an open isolation window is
 * "isolation planned", an isolated one with an open patch window "patch planned", and back when the window goes.
 */
export function followWindows(ctx: CoreContext, deviceIds: Iterable<number>, audit: AuditRecorder): void {
  const open = ctx.db.prepare(
    "SELECT DISTINCT kind FROM planned_window WHERE device_id = ? AND status IN ('planned', 'in-progress')",
  );
  for (const id of new Set(deviceIds)) {
    const device = findDevice(ctx, { deviceId: id });
    const kinds = new Set(open.pluck().all(id) as string[]);
    const target = plannedState(device.state, device.network_state, kinds);
    if (target !== device.state) moveDevice(ctx, device, target, {}, audit);
  }
}

function plannedState(state: DeviceState, network: string, kinds: ReadonlySet<string>): DeviceState {
  switch (state) {
    case 'affected':
      if (kinds.has('isolation')) return 'isolation-planned';
      return network !== 'connected' && kinds.has('patch') ? 'patch-planned' : state;
    case 'isolation-planned':
      return kinds.has('isolation') ? state : 'affected';
    case 'isolated':
      return kinds.has('patch') ? 'patch-planned' : state;
    case 'patch-planned':
      return kinds.has('patch') ? state : 'isolated';
    default:
      return state;
  }
}
