import type { ReactNode } from 'react';

// The shapes that tell badges apart without colour (WCAG 1.4.1): small inline SVGs, always beside words.

export type Shape =
  | 'open-circle'
  | 'triangle'
  | 'clock'
  | 'shield'
  | 'check'
  | 'check-circle'
  | 'link'
  | 'exclaim-circle'
  | 'dash-circle'
  | 'cross';

const stroke = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.6, strokeLinecap: 'round' } as const;

const PATHS: Record<Shape, ReactNode> = {
  'open-circle': <circle cx="8" cy="8" r="5.6" {...stroke} strokeDasharray="2.2 2" />,
  triangle: (
    <>
      <path d="M8 1.5 15 14H1z" fill="currentColor" />
      <path d="M7.25 5.5h1.5v4.5h-1.5zm0 5.4h1.5v1.5h-1.5z" fill="var(--badge-bg, var(--color-surface))" />
    </>
  ),
  clock: (
    <>
      <circle cx="8" cy="8" r="6" {...stroke} />
      <path d="M8 4.5V8l2.5 1.8" {...stroke} />
    </>
  ),
  shield: (
    <path d="M8 1.5 13.5 3.5v4.3c0 3.2-2.3 5.6-5.5 6.7C4.8 13.4 2.5 11 2.5 7.8V3.5z" fill="currentColor" />
  ),
  check: <path d="m3 8.5 3.2 3.2L13 4.8" {...stroke} strokeWidth={2.2} />,
  'check-circle': (
    <>
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path
        d="m4.8 8.3 2.2 2.2 4.3-4.6"
        {...stroke}
        stroke="var(--badge-bg, var(--color-surface))"
        strokeWidth={1.8}
      />
    </>
  ),
  link: (
    <>
      <path d="M6.8 9.2a2.6 2.6 0 0 0 3.7 0l2.3-2.3a2.6 2.6 0 0 0-3.7-3.7l-.9.9" {...stroke} />
      <path d="M9.2 6.8a2.6 2.6 0 0 0-3.7 0L3.2 9.1a2.6 2.6 0 0 0 3.7 3.7l.9-.9" {...stroke} />
    </>
  ),
  'exclaim-circle': (
    <>
      <circle cx="8" cy="8" r="6" {...stroke} />
      <path d="M8 4.6v4.2" {...stroke} strokeWidth={1.8} />
      <circle cx="8" cy="11.2" r="1" fill="currentColor" />
    </>
  ),
  'dash-circle': (
    <>
      <circle cx="8" cy="8" r="6" {...stroke} />
      <path d="M5 8h6" {...stroke} strokeWidth={1.8} />
    </>
  ),
  cross: <path d="m4 4 8 8m0-8-8 8" {...stroke} strokeWidth={2} />,
};

export function BadgeShape({ shape }: { shape: Shape }) {
  return (
    <svg className="badge-shape" viewBox="0 0 16 16" aria-hidden="true" focusable="false" data-shape={shape}>
      {PATHS[shape]}
    </svg>
  );
}
