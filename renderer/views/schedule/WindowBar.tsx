import { type KeyboardEvent, type PointerEvent, useRef, useState } from 'react';
import type { PlannedWindow } from '../../../electron/api/schemas/planning';
import { barGeometry, stateWord } from './bar-geometry';
import { DoneIcon, LockIcon, WarningIcon } from './Icons';
import { HOUR_MS, KIND_LABELS, kindWord, SNAP_MS, snap, spanText } from './time';

const DRAG_THRESHOLD_PX = 4;

/**
 * Everything a bar says, for its accessible name and its tooltip: "NM-2 isolation, locked, Sat 5 Dec
 * 07:00-07:30, team Network, conflict: ...". It holds the bar's visible words in order (WCAG 2.5.3).
 */
export function barName(w: PlannedWindow): string {
  const state = stateWord(w);
  const span = spanText(Date.parse(w.start), Date.parse(w.end), w.timeZone);
  let name = `${w.assetTag} ${kindWord(w.kind)}${state ? `, ${state},` : ''} ${span}`;
  if (w.team) name += `, team ${w.team}`;
  if (w.conflicts.length > 0) name += `, conflict: ${w.conflicts.join('; ')}`;
  return name;
}

interface Props {
  readonly window: PlannedWindow;
  /** Where an instant is on the track, in pixels. */
  readonly xOf: (ms: number) => number;
  readonly pxPerMs: number;
  /** The track's width: words that do not fit in a bar at its end go to its left. */
  readonly trackWidth: number;
  readonly selected: boolean;
  /** Where the bar sits in its lane (lanes have a track per overlap). */
  readonly top: number;
  readonly height: number;
  onChange(window: PlannedWindow, startMs: number, endMs: number): void;
  onOpen(window: PlannedWindow): void;
}

/**
 * One window on a device's lane: a real button. Drag the body to move it, the right edge to change its end
 * (both snap to 15 minutes); with the keyboard, arrows move it and + and - change its length.
 */
export function WindowBar({
  window: w,
  xOf,
  pxPerMs,
  trackWidth,
  selected,
  top,
  height,
  onChange,
  onOpen,
}: Props) {
  const start = Date.parse(w.start);
  const end = Date.parse(w.end);
  const done = w.status === 'done';
  const drag = useRef<{ mode: 'move' | 'resize'; x: number; moved: boolean } | null>(null);
  const previewRef = useRef<{ start: number; end: number } | null>(null);
  const [preview, setPreview] = useState<{ start: number; end: number } | null>(null);
  const suppressClick = useRef(false);
  const button = useRef<HTMLButtonElement>(null);

  const shown = preview ?? { start, end };
  // The bar spans the window's true time; words that do not fit go beside it (bar-geometry.ts).
  const { left, width, side } = barGeometry(w, shown.start, shown.end, xOf, trackWidth);

  function show(next: { start: number; end: number } | null) {
    previewRef.current = next;
    setPreview(next);
  }

  function onPointerDown(event: PointerEvent<HTMLButtonElement>) {
    if (event.button !== 0 || done) return;
    const mode = (event.target as Element).closest('[data-resize]') ? 'resize' : 'move';
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { mode, x: event.clientX, moved: false };
  }
  function onPointerMove(event: PointerEvent<HTMLButtonElement>) {
    const d = drag.current;
    if (!d) return;
    const dx = event.clientX - d.x;
    if (!d.moved && Math.abs(dx) < DRAG_THRESHOLD_PX) return;
    d.moved = true;
    const delta = dx / pxPerMs;
    if (d.mode === 'move') {
      const next = snap(start + delta);
      show({ start: next, end: next + (end - start) });
    } else show({ start, end: Math.max(start + SNAP_MS, snap(end + delta)) });
  }
  function onPointerUp() {
    const d = drag.current;
    drag.current = null;
    if (!d?.moved) return;
    suppressClick.current = true;
    const next = previewRef.current;
    show(null);
    if (next && (next.start !== start || next.end !== end)) onChange(w, next.start, next.end);
  }
  function onPointerCancel() {
    drag.current = null;
    show(null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const step = event.shiftKey ? HOUR_MS : SNAP_MS;
    let next: { start: number; end: number } | null = null;
    if (event.key === 'ArrowLeft') next = { start: start - step, end: end - step };
    else if (event.key === 'ArrowRight') next = { start: start + step, end: end + step };
    else if (event.key === '+' || event.key === '=') next = { start, end: end + SNAP_MS };
    else if (event.key === '-' || event.key === '_')
      next = { start, end: Math.max(start + SNAP_MS, end - SNAP_MS) };
    if (!next) return;
    event.preventDefault();
    if (next.end === end && next.start === start) return;
    onChange(w, next.start, next.end);
    // Keep the moved window in sight (the sticky device column is kept clear by scroll-margin).
    requestAnimationFrame(() => button.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
  }

  const state = stateWord(w);
  const classes = [
    'bar',
    `bar-${w.kind}`,
    side === 'inside' ? '' : `bar-narrow bar-label-${side}`,
    done ? 'bar-done' : '',
    w.conflicts.length > 0 ? 'bar-conflict' : '',
    selected ? 'bar-selected' : '',
    preview ? 'bar-dragging' : '',
  ];
  return (
    <button
      ref={button}
      type="button"
      className={classes.filter(Boolean).join(' ')}
      style={{ left, width, top, height }}
      aria-label={barName(w)}
      aria-current={selected ? 'true' : undefined}
      title={barName(w)}
      data-window-id={w.id ?? undefined}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerCancel}
      onKeyDown={onKeyDown}
      onClick={() => {
        if (suppressClick.current) suppressClick.current = false;
        else onOpen(w);
      }}
    >
      <span className="bar-words">
        <span className="bar-line bar-kind">{KIND_LABELS[w.kind]}</span>{' '}
        {(state || w.conflicts.length > 0) && (
          <span className="bar-line bar-state">
            {w.conflicts.length > 0 && (
              <span className="bar-mark-conflict">
                <WarningIcon />
              </span>
            )}
            {done ? <DoneIcon /> : state && w.status === 'planned' ? <LockIcon /> : null}
            {state}
          </span>
        )}
      </span>
      {preview && <span className="bar-drag-time">{spanText(preview.start, preview.end, w.timeZone)}</span>}
      {!done && <span className="bar-resize" data-resize="true" />}
    </button>
  );
}
