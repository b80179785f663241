import type { DEVICE_STATES } from './device-fields';

type DeviceState = (typeof DEVICE_STATES)[number];

/**
 * Which state may follow which in an affected device's life: affected -> isolation planned -> isolated -> patch
 * planned -> patched -> verified (QC passed) -> reconnected, and the side states risk accepted, not affected and
 * decommissioned, which any state may enter. Plain data, so the core enforces it and the renderer offers only
 * these steps from the same table.
 */
export const SIDE_STATES = [
  'risk-accepted',
  'not-affected',
  'decommissioned',
] as const satisfies readonly DeviceState[];

/** The states each state may move to, besides the side states. */
export const NEXT_STATES: Readonly<Record<DeviceState, readonly DeviceState[]>> = {
  unassessed: ['affected'],
  affected: ['isolation-planned', 'isolated', 'patch-planned', 'unassessed'],
  'isolation-planned': ['isolated', 'affected', 'unassessed'],
  isolated: ['patch-planned', 'patched'],
  'patch-planned': ['patched', 'isolated'],
  patched: ['verified'],
  verified: ['reconnected'],
  reconnected: [],
  'risk-accepted': ['affected'],
  'not-affected': ['unassessed', 'affected'],
  decommissioned: ['unassessed'],
};

export const isSideState = (state: DeviceState): boolean =>
  (SIDE_STATES as readonly string[]).includes(state);

export function canMove(from: DeviceState, to: DeviceState): boolean {
  if (from === to) return false;
  if (isSideState(to)) return !(from === 'decommissioned' && to === 'risk-accepted');
  return NEXT_STATES[from].includes(to);
}
