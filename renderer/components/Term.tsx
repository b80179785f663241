import { type ReactNode, type ToggleEvent, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { GLOSSARY, type TermId } from '../glossary';

const GAP_PX = 6;
const MARGIN_PX = 8;
/** Matches .term-definition's width in components.css. */
const WIDTH_PX = 352;

/**
 * A domain word with its explanation one click or keypress away: a button (dotted underline and a question mark)
 * that toggles a short definition. The definition is a native popover, so Escape or a click elsewhere closes it
 * and the browser tells assistive technology it is expanded. It lives at the end of <body>, never inside the
 * heading or label the word is in, so their accessible names stay the same words.
 *
 * `label` turns it into the question mark alone (for a place whose words are a link, such as a dashboard tile).
 */
export function Term({ term, children, label }: { term: TermId; children?: ReactNode; label?: string }) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const scrollWatch = useRef<AbortController | null>(null);
  // Chromium derives aria-expanded from popovertarget; said explicitly for every browser and screen reader.
  const [open, setOpen] = useState(false);
  const entry = GLOSSARY[term];

  // Placed under the word (above it near the bottom of the window) before it shows, so it never jumps.
  function place(event: ToggleEvent<HTMLDivElement>) {
    if (event.newState !== 'open' || !button.current) return;
    const word = button.current.getBoundingClientRect();
    const style = event.currentTarget.style;
    const width = Math.min(WIDTH_PX, window.innerWidth - 2 * MARGIN_PX);
    style.left = `${Math.max(MARGIN_PX, Math.min(word.left, window.innerWidth - width - MARGIN_PX))}px`;
    const below = window.innerHeight - word.bottom > 200 || word.top < 200;
    style.top = below ? `${word.bottom + GAP_PX}px` : 'auto';
    style.bottom = below ? 'auto' : `${window.innerHeight - word.top + GAP_PX}px`;
  }

  // A fixed box would drift from its word when the page scrolls: it closes instead.
  function watchScroll(event: ToggleEvent<HTMLDivElement>) {
    scrollWatch.current?.abort();
    scrollWatch.current = null;
    setOpen(event.newState === 'open');
    if (event.newState !== 'open') return;
    const popover = event.currentTarget;
    const watch = new AbortController();
    scrollWatch.current = watch;
    document.addEventListener('scroll', () => popover.hidePopover(), {
      capture: true,
      once: true,
      signal: watch.signal,
    });
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        className={label ? 'term term-icon-only' : 'term'}
        popoverTarget={id}
        aria-label={label}
        aria-expanded={open}
        data-term={term}
      >
        {label ? null : (children ?? entry.word)}
        <svg className="term-mark" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path
            d="M6 6.2a2 2 0 1 1 2.9 1.8c-.6.3-.9.7-.9 1.3v.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinecap="round"
          />
          <circle cx="8" cy="12" r="0.9" fill="currentColor" />
        </svg>
      </button>
      {createPortal(
        <div
          id={id}
          popover="auto"
          className="term-definition"
          role="note"
          aria-label={entry.word}
          onBeforeToggle={place}
          onToggle={watchScroll}
        >
          <strong>{entry.word}</strong>: {entry.text}
        </div>,
        document.body,
      )}
    </>
  );
}
