import { useEffect, useRef } from 'react';
import type { DeviceDetail } from '../../../electron/api/schemas/devices';
import { StateBadge } from '../../components/StateBadge';
import { keepTabInside } from '../../keyboard/focus-trap';
import { COLUMN_LABELS, DEVICE_COLUMNS } from '../../labels';
import { dateTime } from '../../site-time';
import { useDevicesStore } from '../../stores/devices';
import { DeviceEditForm } from './DeviceEditForm';
import { DeviceRisk } from './DeviceRisk';
import { DeviceStateForm } from './DeviceStateForm';

/** One device: every field, the extra attributes of its imports, its import batches and its history. */
export function DeviceDrawer({ detail }: { detail: DeviceDetail }) {
  const close = useDevicesStore((state) => state.closeDetail);
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves to the drawer each time another device opens
  useEffect(() => {
    heading.current?.focus();
  }, [detail.id]);
  // On closing, focus goes back to the device's row in the register (if it is still drawn).
  const shownId = useRef(detail.id);
  shownId.current = detail.id;
  useEffect(
    () => () =>
      document.querySelector<HTMLElement>(`.device-table [data-device-id="${shownId.current}"]`)?.focus(),
    [],
  );
  const flagOf = (field: string) => detail.flags.find((flag) => flag.field === field);
  return (
    <aside
      className="drawer"
      aria-labelledby="drawer-heading"
      onKeyDown={(event) => {
        if (event.key === 'Escape') close();
        // While open it acts as a dialog: Tab stays inside (j and k move to another device).
        keepTabInside(event, event.currentTarget);
      }}
    >
      <div className="drawer-header">
        <h2 id="drawer-heading" ref={heading} tabIndex={-1}>
          {detail.assetTag ?? detail.serial} {detail.model && `· ${detail.model}`}
        </h2>
        <button type="button" className="button-quiet" onClick={close}>
          Close
        </button>
      </div>
      <dl className="facts">
        {DEVICE_COLUMNS.map((field) => {
          const flag = flagOf(field);
          const value = detail[field as keyof DeviceDetail] as string | null;
          return (
            <div key={field} className="fact">
              <dt>{COLUMN_LABELS[field]}</dt>
              <dd className={flag ? 'cell-problem' : undefined}>
                {flag ? `${flag.value} ⚠ ${flag.reason}` : (value ?? '—')}
              </dd>
            </div>
          );
        })}
        <div className="fact">
          <dt>State</dt>
          <dd>
            <StateBadge state={detail.state} />
          </dd>
        </div>
        <div className="fact">
          <dt>Network</dt>
          <dd>{detail.networkState}</dd>
        </div>
      </dl>
      {Object.keys(detail.extra).length > 0 && (
        <>
          <h3>Other columns of the imported file</h3>
          <dl className="facts">
            {Object.entries(detail.extra).map(([key, value]) => (
              <div key={key} className="fact">
                <dt>{key}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <DeviceRisk detail={detail} />
      <DeviceStateForm detail={detail} />
      <DeviceEditForm detail={detail} />
      <h3>Import batches</h3>
      <ul className="issue-list">
        {detail.batches.map((batch) => (
          <li key={`${batch.batchId}-${batch.action}`}>
            {batch.action === 'added' ? 'Added' : 'Updated'} by batch {batch.batchId}, {batch.fileName},{' '}
            {dateTime(batch.importedAt)}
            {batch.undone && ' (undone)'}
          </li>
        ))}
        {detail.batches.length === 0 && <li>Not from an import.</li>}
      </ul>
      <h3>History</h3>
      <ul className="issue-list">
        {detail.history.map((entry) => (
          <li key={entry.id}>
            {dateTime(entry.at)} · {entry.osUser} · {entry.action}
            {entry.changes.length > 0 && (
              <ul className="change-lines">
                {entry.changes.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
        {detail.history.length === 0 && <li>No changes since it was added.</li>}
      </ul>
    </aside>
  );
}
