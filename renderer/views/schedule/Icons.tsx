// Small inline icons (the system fonts may have no emoji). Always beside words or in an accessible name.

export function LockIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1zm1.75 0h3.5V5a1.75 1.75 0 0 0-3.5 0z"
        fill="currentColor"
      />
    </svg>
  );
}

export function DoneIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M6.2 12.6 2.4 8.8l1.3-1.3 2.5 2.5 6.1-6.1 1.3 1.3z"
        fill="currentColor"
        stroke="currentColor"
        strokeWidth="0.6"
      />
    </svg>
  );
}

export function WarningIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M8 1.2 15.3 14H.7z" fill="currentColor" />
      <path d="M7.2 5.5h1.6v4.6H7.2zm0 5.6h1.6v1.6H7.2z" fill="var(--icon-cutout, var(--color-surface))" />
    </svg>
  );
}
