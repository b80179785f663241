import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'summary',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

/**
 * Keeps Tab and Shift+Tab inside `container`, for a panel that acts as a dialog while it is open but is not a
 * native modal <dialog> (which traps focus by itself): the device drawer. Call it from the panel's onKeyDown.
 */
export function keepTabInside(event: ReactKeyboardEvent, container: HTMLElement) {
  if (event.key !== 'Tab') return;
  const focusable = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => element.getClientRects().length > 0,
  );
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const at = focusable.indexOf(document.activeElement as HTMLElement);
  // From the panel's heading (focused on open, not in the tab order) or its ends, wrap around.
  if (event.shiftKey && at <= 0) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (at === -1 || at === focusable.length - 1)) {
    event.preventDefault();
    first.focus();
  }
}
