import type { DeviceStateCounts } from '../../../electron/api/schemas/advisories';

const STAGES: readonly [keyof DeviceStateCounts, string][] = [
  ['exposed', 'exposed'],
  ['isolated', 'isolated, not yet patched'],
  ['patched', 'patched, QC to do'],
  ['verified', 'verified or reconnected'],
  ['riskAccepted', 'risk accepted'],
];

/** Where the work on an advisory's devices stands, in words (never colour alone); stages without devices left out. */
export function DeviceStages({ counts }: { counts: DeviceStateCounts }) {
  const shown = STAGES.filter(([key]) => counts[key] > 0);
  if (shown.length === 0) return <span className="field-help">no confirmed devices</span>;
  return (
    <ul className="stage-list">
      {shown.map(([key, label]) => (
        <li key={key}>
          {key === 'exposed' ? (
            <strong>
              {counts[key]} {label}
            </strong>
          ) : (
            `${counts[key]} ${label}`
          )}
        </li>
      ))}
    </ul>
  );
}
