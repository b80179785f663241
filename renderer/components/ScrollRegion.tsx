import { forwardRef, type ReactNode } from 'react';

/**
 * A labelled region that scrolls on its own. It takes keyboard focus so arrow keys can scroll it (WCAG 2.1.1,
 * axe's scrollable-region-focusable), which Biome's noNoninteractiveTabindex does not know about.
 */
export const ScrollRegion = forwardRef<
  HTMLElement,
  { label: string; className: string; children: ReactNode }
>(function ScrollRegion({ label, className, children }, ref) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section ref={ref} className={className} aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
});
