import type { ReactNode } from 'react';

/** What a view shows before it has data: what will be here, and what to do next. */
export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2>{title}</h2>
      <div className="empty-state-text">{children}</div>
    </section>
  );
}
