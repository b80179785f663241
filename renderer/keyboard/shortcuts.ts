import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import { navigate, type ViewId } from '../stores/navigation';

/**
 * The keyboard layer: single keys and "g, then a letter" for the frequent actions. Global keys (help, go to a
 * view) are handled here; keys that act on a view's data (next device, mark done) run a handler the view
 * registers while it is shown, so the view that owns the data does the work. Never while typing in a field,
 * never with Ctrl, Alt or Meta (those belong to the browser and the system), never under a modal dialog.
 */

export type ShortcutAction = 'focus-search' | 'next-device' | 'previous-device' | 'mark-done';

export interface Shortcut {
  /** Alternatives (← or →); a space inside one means keys pressed one after the other ("g d"). */
  readonly keys: readonly string[];
  readonly what: string;
}

/** What the help dialog lists: every shortcut, by where it works. */
export const SHORTCUT_GROUPS: readonly { readonly where: string; readonly shortcuts: readonly Shortcut[] }[] =
  [
    {
      where: 'Anywhere',
      shortcuts: [
        { keys: ['?'], what: 'Show the keyboard shortcuts' },
        { keys: ['/'], what: 'Search devices (opens Devices first)' },
        { keys: ['g d'], what: 'Go to the dashboard' },
        { keys: ['g v'], what: 'Go to devices' },
        { keys: ['g a'], what: 'Go to advisories' },
        { keys: ['g s'], what: 'Go to the schedule' },
        { keys: ['g r'], what: 'Go to reports' },
        { keys: ['g ,'], what: 'Go to settings' },
      ],
    },
    {
      where: 'Devices',
      shortcuts: [
        { keys: ['j'], what: 'Next device: opens it in the drawer' },
        { keys: ['k'], what: 'Previous device' },
        { keys: ['Esc'], what: 'Close the device drawer' },
        { keys: ['Esc'], what: 'In the search box: clear it; again, or when empty: back to the list' },
      ],
    },
    {
      where: 'Schedule',
      shortcuts: [
        { keys: ['d'], what: 'Mark the focused or selected window done (opens its Mark done form)' },
        { keys: ['Enter'], what: 'Open the focused window' },
        { keys: ['←', '→'], what: 'Move the focused window by 15 minutes (with Shift by an hour)' },
        { keys: ['+', '−'], what: 'Lengthen or shorten the focused window by 15 minutes' },
      ],
    },
    {
      where: 'Dialogs and drawers',
      shortcuts: [
        { keys: ['Esc'], what: 'Close; focus goes back to where it was' },
        { keys: ['Tab'], what: 'Moves only inside the open dialog or drawer' },
      ],
    },
  ];

const GO_TO: Readonly<Record<string, ViewId>> = {
  d: 'dashboard',
  v: 'devices',
  a: 'advisories',
  s: 'schedule',
  r: 'reports',
  ',': 'settings',
};
const ACTION_KEYS: Readonly<Record<string, ShortcutAction>> = {
  '/': 'focus-search',
  j: 'next-device',
  k: 'previous-device',
  d: 'mark-done',
};
/** How long "g" waits for its letter. */
const SEQUENCE_MS = 1500;
/** How long an action waits for its view to appear (`/` from another view opens Devices first). */
const PENDING_MS = 5000;

const handlers = new Map<ShortcutAction, () => void>();
let pending: { action: ShortcutAction; until: number } | null = null;
let goUntil = 0;

/** Whether the help dialog is open; `?` and the header's button open it. */
export const useShortcutsHelp = create<{ readonly open: boolean }>()(() => ({ open: false }));
export const openShortcutsHelp = () => useShortcutsHelp.setState({ open: true });
export const closeShortcutsHelp = () => useShortcutsHelp.setState({ open: false });

const NOT_TYPING = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'file',
  'color',
  'range',
  'image',
]);

/** A key pressed here is text (or a choice in a list), not a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NOT_TYPING.has(target.type);
}

function onKeyDown(event: KeyboardEvent) {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
  if (isTyping(event.target) || document.querySelector('dialog:modal')) return;
  const key = event.key;
  if (goUntil > Date.now()) {
    goUntil = 0;
    const view = GO_TO[key];
    if (view) {
      event.preventDefault();
      navigate(view);
    }
    return;
  }
  if (key === 'g') {
    goUntil = Date.now() + SEQUENCE_MS;
    return;
  }
  if (key === '?') {
    event.preventDefault();
    openShortcutsHelp();
    return;
  }
  const action = ACTION_KEYS[key];
  if (!action) return;
  const handler = handlers.get(action);
  if (handler) {
    event.preventDefault();
    handler();
  } else if (action === 'focus-search') {
    // The search box is on Devices: go there, and focus it as soon as it is shown.
    event.preventDefault();
    pending = { action, until: Date.now() + PENDING_MS };
    navigate('devices');
  }
}

/** Listens for the shortcuts while the app is shown (App calls it once). */
export function useGlobalShortcuts() {
  useEffect(() => {
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

/**
 * Runs `handler` for a shortcut while the calling component is shown; the newest handler is always used, so it
 * may close over the component's current state.
 */
export function useShortcutAction(action: ShortcutAction, handler: () => void) {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const run = () => latest.current();
    handlers.set(action, run);
    if (pending?.action === action) {
      if (pending.until > Date.now()) requestAnimationFrame(run);
      pending = null;
    }
    return () => {
      if (handlers.get(action) === run) handlers.delete(action);
    };
  }, [action]);
}
