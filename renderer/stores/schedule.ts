import { create } from 'zustand';
import type { PlannedWindow } from '../../electron/api/schemas/planning';
import { call } from '../api';
import { kindWord, type Scale, spanText, toInstant } from '../views/schedule/time';

/** What the window dialog shows: a new window (perhaps drawn on a device's lane) or an existing one. */
export type WindowFormState =
  | {
      readonly mode: 'create';
      readonly deviceId?: number;
      readonly deviceLabel?: string;
      readonly zone?: string;
      readonly start?: number;
      readonly end?: number;
    }
  | {
      readonly mode: 'edit';
      readonly window: PlannedWindow;
      /** Where focus starts: the Mark done form when opened with the `d` shortcut. */
      readonly focus?: 'mark-done';
    };

interface ScheduleState {
  readonly scale: Scale;
  /** A local day inside the visible range; null for today. */
  readonly anchor: string | null;
  /** '' for every department. */
  readonly department: string;
  readonly selectedId: number | null;
  /** Set when the selected window should be scrolled into view and focused. */
  readonly reveal: number;
  readonly form: WindowFormState | null;
  /** Windows as the last save returned them (or as a drag left them), until the list shows the same. */
  readonly overrides: ReadonlyMap<number, PlannedWindow>;
  /** What the last change did, in words, for the live region. */
  readonly message: { readonly text: string; readonly problem: boolean } | null;
  setScale(scale: Scale): void;
  goTo(anchor: string | null): void;
  setDepartment(department: string): void;
  select(id: number | null, reveal?: boolean): void;
  openForm(form: WindowFormState): void;
  closeForm(): void;
  say(text: string, problem?: boolean): void;
  /** Moves or resizes a window: shown at once, saved, and flagged with the conflicts the core returns. */
  change(window: PlannedWindow, startMs: number, endMs: number): void;
  /** Drops overrides the list has caught up with. */
  reconcile(windows: readonly PlannedWindow[]): void;
}

/** "NM-1 isolation Sat 5 Dec 07:00-07:30" */
export const windowTitle = (w: PlannedWindow) =>
  `${w.assetTag} ${kindWord(w.kind)} ${spanText(Date.parse(w.start), Date.parse(w.end), w.timeZone)}`;

export const conflictSentence = (w: PlannedWindow) =>
  w.conflicts.length === 0 ? 'No conflicts.' : `Conflict: ${w.conflicts.join('; ')}`;

// Saves in flight, and the newest position asked for meanwhile (keys held down send many changes).
const inFlight = new Set<number>();
const queued = new Map<number, { window: PlannedWindow; start: number; end: number }>();
// When each override's save came back: an old one gives way to the list whatever it says.
const settledAt = new Map<number, number>();
const SETTLED_MS = 5_000;

export const useScheduleStore = create<ScheduleState>()((set, get) => {
  function override(window: PlannedWindow) {
    const overrides = new Map(get().overrides);
    overrides.set(window.id as number, window);
    set({ overrides });
  }
  function dropOverride(id: number) {
    const overrides = new Map(get().overrides);
    overrides.delete(id);
    set({ overrides });
  }
  async function save(window: PlannedWindow, startMs: number, endMs: number) {
    const id = window.id as number;
    inFlight.add(id);
    const result = await call('saveWindow', {
      id,
      deviceId: window.deviceId,
      kind: window.kind,
      start: toInstant(startMs, window.timeZone),
      end: toInstant(endMs, window.timeZone),
    });
    inFlight.delete(id);
    const next = queued.get(id);
    queued.delete(id);
    if (!result.ok) {
      dropOverride(id);
      get().say(`${windowTitle(window)} was not changed: ${result.error.message}`, true);
      return;
    }
    if (next) {
      void save(next.window, next.start, next.end);
      return;
    }
    override(result.value);
    settledAt.set(id, Date.now());
    get().say(`${windowTitle(result.value)} saved. ${conflictSentence(result.value)}`);
  }
  return {
    scale: 'week',
    anchor: null,
    department: '',
    selectedId: null,
    reveal: 0,
    form: null,
    overrides: new Map(),
    message: null,
    setScale: (scale) => set({ scale }),
    goTo: (anchor) => set({ anchor }),
    setDepartment: (department) => set({ department }),
    select: (selectedId, reveal = false) =>
      set((state) => ({ selectedId, reveal: reveal ? state.reveal + 1 : state.reveal })),
    openForm: (form) => set({ form, ...(form.mode === 'edit' && { selectedId: form.window.id ?? null }) }),
    closeForm: () => set({ form: null }),
    say: (text, problem = false) => set({ message: { text, problem } }),
    change(window, startMs, endMs) {
      if (window.id === null) return;
      if (window.status === 'done') {
        get().say(`${windowTitle(window)} is done; it can no longer be moved.`, true);
        return;
      }
      settledAt.delete(window.id);
      override({
        ...window,
        start: toInstant(startMs, window.timeZone),
        end: toInstant(endMs, window.timeZone),
        locked: true,
      });
      if (inFlight.has(window.id)) queued.set(window.id, { window, start: startMs, end: endMs });
      else void save(window, startMs, endMs);
    },
    reconcile(windows) {
      const overrides = get().overrides;
      if (overrides.size === 0) return;
      const next = new Map(overrides);
      for (const w of windows) {
        const mine = w.id === null ? undefined : overrides.get(w.id);
        if (!mine || inFlight.has(w.id as number)) continue;
        const caughtUp =
          Date.parse(mine.start) === Date.parse(w.start) && Date.parse(mine.end) === Date.parse(w.end);
        if (caughtUp || Date.now() - (settledAt.get(w.id as number) ?? 0) > SETTLED_MS)
          next.delete(w.id as number);
      }
      if (next.size !== overrides.size) set({ overrides: next });
    },
  };
});
