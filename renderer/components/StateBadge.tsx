import type { DeviceState } from '../../electron/api/schemas/devices';
import { STATE_LABELS } from '../labels';
import { BadgeShape, type Shape } from './BadgeShape';

type Tone = 'danger' | 'warning' | 'info' | 'success' | 'neutral';

/**
 * Where a device stands in its lifecycle, as its words, a shape and a tone: red triangle while it is affected and
 * on the network, clocks while work is planned, a shield once isolated, checks once patched, neutral for the
 * states that need nothing more. The words carry the meaning; shape and colour only help scanning a long list.
 */
const LOOK: Record<DeviceState, { tone: Tone; shape: Shape }> = {
  unassessed: { tone: 'neutral', shape: 'open-circle' },
  affected: { tone: 'danger', shape: 'triangle' },
  'isolation-planned': { tone: 'warning', shape: 'clock' },
  isolated: { tone: 'info', shape: 'shield' },
  'patch-planned': { tone: 'info', shape: 'clock' },
  patched: { tone: 'success', shape: 'check' },
  verified: { tone: 'success', shape: 'check-circle' },
  reconnected: { tone: 'success', shape: 'link' },
  'risk-accepted': { tone: 'warning', shape: 'exclaim-circle' },
  'not-affected': { tone: 'neutral', shape: 'dash-circle' },
  decommissioned: { tone: 'neutral', shape: 'cross' },
};

export function StateBadge({ state }: { state: DeviceState }) {
  const { tone, shape } = LOOK[state];
  return (
    <span className={`status-badge tone-${tone}`} data-state={state}>
      <BadgeShape shape={shape} />
      <span className="badge-words">{STATE_LABELS[state]}</span>
    </span>
  );
}
