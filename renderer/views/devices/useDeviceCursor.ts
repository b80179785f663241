import { type RefObject, useEffect, useRef } from 'react';
import type { Device } from '../../../electron/api/schemas/devices';
import { useShortcutAction } from '../../keyboard/shortcuts';
import { PAGE_SIZE, useDevicesStore } from '../../stores/devices';

const PAGE_WAIT_MS = 5000;

const deviceAt = (index: number): Device | undefined =>
  useDevicesStore.getState().pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];

function indexOf(id: number): number | null {
  for (const [page, rows] of useDevicesStore.getState().pages) {
    const at = rows.findIndex((device) => device.id === id);
    if (at >= 0) return page * PAGE_SIZE + at;
  }
  return null;
}

/** The device at `index`, once its page is loaded (the table may be loading it already). */
async function loadDevice(index: number): Promise<Device | undefined> {
  const page = Math.floor(index / PAGE_SIZE);
  await useDevicesStore.getState().ensurePages(page, page);
  const found = deviceAt(index);
  if (found) return found;
  return new Promise((resolve) => {
    const stop = useDevicesStore.subscribe(() => {
      const device = deviceAt(index);
      if (device) done(device);
    });
    const timer = setTimeout(() => done(undefined), PAGE_WAIT_MS);
    function done(device: Device | undefined) {
      stop();
      clearTimeout(timer);
      resolve(device);
    }
  });
}

/** Scrolls the register just enough to show row `index` whole, below the sticky header. */
function scrollToRow(scroller: HTMLElement | null, index: number, rowHeight: number) {
  if (!scroller) return;
  const header = scroller.querySelector('thead')?.offsetHeight ?? 0;
  const top = header + index * rowHeight;
  if (top - header < scroller.scrollTop) scroller.scrollTop = top - header;
  else if (top + rowHeight > scroller.scrollTop + scroller.clientHeight)
    scroller.scrollTop = top + rowHeight - scroller.clientHeight;
}

/**
 * `j` and `k`: the next or previous device of the register, in the register's order, opens in the drawer and its
 * row scrolls into view. The cursor follows a device opened by a click, and starts at the top for a new query.
 */
export function useDeviceCursor(scroller: RefObject<HTMLElement | null>, rowHeight: number) {
  const cursor = useRef<number | null>(null);
  /** The device the last key press asked for; answers for earlier presses do not move the cursor. */
  const requested = useRef<number | null>(null);
  const generation = useDevicesStore((state) => state.generation);
  const openId = useDevicesStore((state) => state.detail?.id ?? null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new query (generation) resets the cursor
  useEffect(() => {
    cursor.current = null;
  }, [generation]);

  useEffect(() => {
    if (openId === null || (requested.current !== null && requested.current !== openId)) return;
    requested.current = null;
    cursor.current = indexOf(openId) ?? cursor.current;
  }, [openId]);

  async function move(step: 1 | -1) {
    const total = useDevicesStore.getState().total;
    if (!total) return;
    const index = cursor.current === null ? 0 : Math.min(total - 1, Math.max(0, cursor.current + step));
    cursor.current = index;
    scrollToRow(scroller.current, index, rowHeight);
    const device = await loadDevice(index);
    if (!device || cursor.current !== index) return;
    requested.current = device.id;
    await useDevicesStore.getState().openDetail(device.id);
  }

  useShortcutAction('next-device', () => void move(1));
  useShortcutAction('previous-device', () => void move(-1));
}
