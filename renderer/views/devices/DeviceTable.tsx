import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { Device } from '../../../electron/api/schemas/devices';
import { ScrollRegion } from '../../components/ScrollRegion';
import { StateBadge } from '../../components/StateBadge';
import { COLUMN_LABELS, STATE_LABELS } from '../../labels';
import { PAGE_SIZE, type SortField, useDevicesStore } from '../../stores/devices';
import { useDeviceCursor } from './useDeviceCursor';

const ROW_HEIGHT = 36;

/**
 * Widths of the columns whose words are short and known (the layout is fixed; the others share what is left), so
 * that at 1366 pixels the state's badge reads in full ("Isolation planned" the longest), and the asset tag with its
 * flag mark, and the department and operating-system headings.
 */
const COLUMN_WIDTHS: Partial<Record<SortField, string>> = {
  assetTag: '7rem',
  priority: '4.75rem',
  advisories: '6.25rem',
  department: '8rem',
  os: '6rem',
  state: '10.75rem',
};

function cellText(device: Device, column: SortField): string {
  if (column === 'state') return STATE_LABELS[device.state];
  if (column === 'updatedAt') return new Date(device.updatedAt).toLocaleString();
  if (column === 'advisories') return device.advisories.join(', ');
  if (column === 'priority') return device.priority === null ? '' : String(device.priority);
  if (column === 'patchStatus') return device.patchStatus?.replace(/-/g, ' ') ?? '';
  return device[column] ?? '';
}

/**
 * The register as a virtual table: a real <table>, with only the rows in view rendered between two spacer rows,
 * loaded from the core a page at a time.
 */
export function DeviceTable() {
  const { total, pages, columns, query, selected, generation, detail } = useDevicesStore();
  const { ensurePages, setSort, toggleSelected, selectAllLoaded, openDetail } = useDevicesStore.getState();
  const scroller = useRef<HTMLElement>(null);
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  useDeviceCursor(scroller, ROW_HEIGHT);
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  useEffect(() => {
    void ensurePages(Math.floor(first / PAGE_SIZE), Math.floor(last / PAGE_SIZE));
  }, [first, last, ensurePages]);

  // A new query starts at the top.
  useEffect(() => {
    if (generation > 0) scroller.current?.scrollTo({ top: 0 });
  }, [generation]);

  const loaded = [...pages.values()].reduce((n, page) => n + page.length, 0);
  const span = columns.length + 1;
  return (
    <ScrollRegion ref={scroller} className="device-scroll" label="Device list">
      <table className="device-table" aria-rowcount={(total ?? 0) + 1}>
        <caption className="visually-hidden">Devices, sorted by {COLUMN_LABELS[query.sort.field]}</caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="cell-check">
              <input
                type="checkbox"
                aria-label="Select all loaded devices"
                checked={loaded > 0 && selected.size >= loaded}
                onChange={(event) => selectAllLoaded(event.target.checked)}
              />
            </th>
            {columns.map((column) => {
              const sorted = query.sort.field === column;
              return (
                <th
                  scope="col"
                  key={column}
                  style={{ width: COLUMN_WIDTHS[column] }}
                  aria-sort={
                    sorted ? (query.sort.direction === 'asc' ? 'ascending' : 'descending') : undefined
                  }
                >
                  <button type="button" className="sort-button" onClick={() => setSort(column)}>
                    {COLUMN_LABELS[column]}
                    <span aria-hidden="true">
                      {sorted ? (query.sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {before > 0 && (
            <tr className="spacer-row">
              <td colSpan={span} style={{ height: before, padding: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const device = pages.get(Math.floor(item.index / PAGE_SIZE))?.[item.index % PAGE_SIZE];
            if (!device) {
              return (
                <tr key={item.key} aria-rowindex={item.index + 2}>
                  <td colSpan={span} className="cell-loading">
                    Loading…
                  </td>
                </tr>
              );
            }
            const name = device.assetTag ?? device.serial ?? `#${device.id}`;
            return (
              <tr
                key={item.key}
                aria-rowindex={item.index + 2}
                aria-selected={selected.has(device.id)}
                aria-current={detail?.id === device.id ? 'true' : undefined}
                className={selected.has(device.id) ? 'device-row-selected' : undefined}
              >
                <td className="cell-check">
                  <input
                    type="checkbox"
                    aria-label={`Select ${name}`}
                    checked={selected.has(device.id)}
                    onChange={() => toggleSelected(device.id)}
                  />
                </td>
                {columns.map((column) => (
                  <td key={column} title={cellText(device, column)}>
                    {column === 'assetTag' ? (
                      <>
                        <button
                          type="button"
                          className="link-button"
                          data-device-id={device.id}
                          onClick={() => void openDetail(device.id)}
                        >
                          {name}
                        </button>
                        {device.flags.length > 0 && (
                          <span className="flag-marker">
                            {' '}
                            <span aria-hidden="true">⚠</span>
                            <span className="visually-hidden">has flagged values</span>
                          </span>
                        )}
                      </>
                    ) : column === 'state' ? (
                      <StateBadge state={device.state} />
                    ) : (
                      cellText(device, column)
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
          {after > 0 && (
            <tr className="spacer-row">
              <td colSpan={span} style={{ height: after, padding: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
