import { type PointerEvent, useRef, useState } from 'react';
import { SNAP_MS, snap } from './time';

/**
 * Drawing across an empty part of a device's lane: a ghost follows the pointer (snapped to 15 minutes), and
 * letting go over at least 15 minutes plans a new window there.
 */
export function useDrawWindow(
  rangeStart: number,
  pxPerMs: number,
  onCreate: (start: number, end: number) => void,
) {
  const drawing = useRef<{ from: number; left: number } | null>(null);
  const [ghost, setGhost] = useState<{ start: number; end: number } | null>(null);
  const ghostRef = useRef<{ start: number; end: number } | null>(null);
  const at = (clientX: number) => snap(rangeStart + (clientX - (drawing.current?.left ?? 0)) / pxPerMs);

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    if (event.button !== 0 || event.target !== event.currentTarget) return;
    drawing.current = { from: 0, left: event.currentTarget.getBoundingClientRect().left };
    drawing.current.from = at(event.clientX);
    event.currentTarget.setPointerCapture(event.pointerId);
  }
  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    const d = drawing.current;
    if (!d) return;
    const to = at(event.clientX);
    const next = to === d.from ? null : { start: Math.min(d.from, to), end: Math.max(d.from, to) };
    ghostRef.current = next;
    setGhost(next);
  }
  function onPointerUp() {
    const next = ghostRef.current;
    drawing.current = null;
    ghostRef.current = null;
    setGhost(null);
    if (next && next.end - next.start >= SNAP_MS) onCreate(next.start, next.end);
  }
  function onPointerCancel() {
    drawing.current = null;
    setGhost(null);
  }

  return { ghost, onPointerDown, onPointerMove, onPointerUp, onPointerCancel };
}
