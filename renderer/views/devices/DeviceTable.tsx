import { useVirtualizer } from '@tanstack/react-virtual';
import { type RefObject, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Device } from '../../../electron/api/schemas/devices';
import { ScrollRegion } from '../../components/ScrollRegion';
import { StateBadge } from '../../components/StateBadge';
import { COLUMN_LABELS } from '../../labels';
import { PAGE_SIZE, type SortField, useDevicesStore } from '../../stores/devices';
import {
  CHECK_COLUMN_PX,
  cellText,
  columnWidths,
  type Fonts,
  fontsOf,
  KIND,
  measureAdvisoryLists,
  measureLongestWords,
  measurePage,
  type PageWidths,
} from './column-widths';
import { useDeviceCursor } from './useDeviceCursor';

/** Two lines of a squeezed text column fit a row (devices.css gives cells the same height). */
const ROW_HEIGHT = 40;

/** Every column the register can show, measured once per loaded page. */
const ALL_COLUMNS = Object.keys(COLUMN_LABELS) as SortField[];
const pageWidths = new WeakMap<
  readonly Device[],
  { values: PageWidths; words: PageWidths; lists: number; fonts: Fonts }
>();

function measured(page: readonly Device[], fonts: Fonts) {
  const known = pageWidths.get(page);
  if (known && known.fonts === fonts) return known;
  const entry = {
    values: measurePage(page, ALL_COLUMNS, fonts),
    words: measureLongestWords(page, ALL_COLUMNS, fonts),
    lists: measureAdvisoryLists(page, fonts),
    fonts,
  };
  pageWidths.set(page, entry);
  return entry;
}

/** The room the register has and the fonts it is written in, followed as the window or the drawer changes it. */
function useRoom(scroller: RefObject<HTMLElement | null>) {
  const [room, setRoom] = useState(0);
  const [fonts, setFonts] = useState<Fonts | null>(null);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    setFonts(fontsOf(element.querySelector('table') ?? element));
    const observer = new ResizeObserver(() => setRoom(element.clientWidth));
    observer.observe(element);
    setRoom(element.clientWidth);
    return () => observer.disconnect();
  }, [scroller]);
  return { room, fonts };
}

const isCut = (element: Element) =>
  element.scrollWidth > element.clientWidth || element.scrollHeight > element.clientHeight + 1;

/** A cell whose words end in an ellipsis says them all on hover; one that shows them whole has no tooltip. */
function titleIfCut(event: { readonly target: EventTarget }) {
  const cell = (event.target as Element).closest<HTMLElement>('td[data-text]');
  if (!cell) return;
  const clamp = cell.querySelector('.cell-clamp');
  if (isCut(cell) || (clamp && isCut(clamp))) cell.title = cell.dataset.text ?? '';
  else cell.removeAttribute('title');
}

/**
 * The register as a virtual table: a real <table>, with only the rows in view rendered between two spacer rows,
 * loaded from the core a page at a time.
 */
export function DeviceTable() {
  const { total, pages, columns, query, selected, allMatching, generation, detail } = useDevicesStore();
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

  // The header's box says what the loaded rows show: all ticked, some (mixed), or none.
  const { loadedCount, ticked } = useMemo(() => {
    const rows = [...pages.values()].flat();
    return {
      loadedCount: rows.length,
      ticked: allMatching ? rows.length : rows.filter((d) => selected.has(d.id)).length,
    };
  }, [pages, selected, allMatching]);
  const allTicked = allMatching || (loadedCount > 0 && ticked === loadedCount);
  const isSelected = (id: number) => allMatching || selected.has(id);
  const { room, fonts } = useRoom(scroller);
  const layout = useMemo(() => {
    if (!fonts || room === 0) return null;
    const values: PageWidths = {};
    const words: PageWidths = {};
    let lists = 0;
    for (const page of pages.values()) {
      const widths = measured(page, fonts);
      for (const column of columns) {
        values[column] = Math.max(values[column] ?? 0, widths.values[column] ?? 0);
        words[column] = Math.max(words[column] ?? 0, widths.words[column] ?? 0);
      }
      lists = Math.max(lists, widths.lists);
    }
    return columnWidths({ columns, values, words, lists, sortField: query.sort.field, room, fonts });
  }, [pages, columns, query.sort.field, room, fonts]);
  const span = columns.length + 1;
  return (
    <ScrollRegion
      ref={scroller}
      className={columns[0] === 'assetTag' ? 'device-scroll device-scroll-pinned' : 'device-scroll'}
      label="Device list"
    >
      <table
        className="device-table"
        aria-rowcount={(total ?? 0) + 1}
        style={layout ? { width: layout.total } : undefined}
        onMouseOver={titleIfCut}
        onFocus={titleIfCut}
      >
        <caption className="visually-hidden">Devices, sorted by {COLUMN_LABELS[query.sort.field]}</caption>
        {layout && (
          <colgroup>
            <col style={{ width: CHECK_COLUMN_PX }} />
            {columns.map((column, i) => (
              <col key={column} style={{ width: layout.widths[i] }} />
            ))}
          </colgroup>
        )}
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="cell-check">
              <input
                type="checkbox"
                aria-label="Select all loaded devices"
                checked={allTicked}
                ref={(box) => {
                  if (box) box.indeterminate = !allTicked && ticked > 0;
                }}
                onChange={(event) => selectAllLoaded(event.target.checked)}
              />
            </th>
            {columns.map((column) => {
              const sorted = query.sort.field === column;
              return (
                <th
                  scope="col"
                  key={column}
                  aria-sort={
                    sorted ? (query.sort.direction === 'asc' ? 'ascending' : 'descending') : undefined
                  }
                >
                  <button type="button" className="sort-button" onClick={() => setSort(column)}>
                    {COLUMN_LABELS[column]}
                    <span aria-hidden="true">
                      {sorted ? (query.sort.direction === 'asc' ? '\u00a0▲' : '\u00a0▼') : ''}
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
                aria-selected={isSelected(device.id)}
                aria-current={detail?.id === device.id ? 'true' : undefined}
                className={isSelected(device.id) ? 'device-row-selected' : undefined}
              >
                <td className="cell-check">
                  <input
                    type="checkbox"
                    aria-label={`Select ${name}`}
                    checked={isSelected(device.id)}
                    // A checkbox changes on its click (mouse, or Space): Shift held ticks a range.
                    onChange={(event) =>
                      toggleSelected(
                        device.id,
                        item.index,
                        (event.nativeEvent as MouseEvent).shiftKey === true,
                      )
                    }
                  />
                </td>
                {columns.map((column) => (
                  <td key={column} data-text={cellText(device, column)}>
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
                    ) : KIND[column] === 'text' ? (
                      <span className="cell-clamp">{cellText(device, column)}</span>
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
