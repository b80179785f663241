import type { Policies, TaskKind } from '../../api/schemas/site-model';
import { DAY_MS, type PlanningDevice } from './planning-data';

/** What a device's deadlines count from. */
export type DeadlineFacts = Pick<PlanningDevice, 'maxCvss' | 'affectedAt' | 'patch'>;

/** The policy's deadline for a task: isolation from when the device became affected, the patch from its release. */
export function dueOf(device: DeadlineFacts, kind: TaskKind, policies: Policies): number | null {
  if (kind === 'isolation') {
    const days =
      device.maxCvss >= policies.criticalCvss
        ? policies.isolateCriticalWithinDays
        : policies.isolateOtherWithinDays;
    return device.affectedAt + days * DAY_MS;
  }
  if (kind === 'patch' && device.patch.kind === 'available') {
    return device.patch.from + policies.patchWithinDaysOfAvailability * DAY_MS;
  }
  return null;
}
