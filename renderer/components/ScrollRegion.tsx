import { forwardRef, type ReactNode, useLayoutEffect, useRef, useState } from 'react';

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

/**
 * A wrapper for content that may be wider than its place (a table in a narrow panel): it scrolls sideways, and
 * only while it does, it is a labelled region that takes keyboard focus so the arrow keys can scroll it.
 */
export function OverflowScroll({
  label,
  className = 'table-scroll',
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const check = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    const observer = new ResizeObserver(check);
    observer.observe(element);
    for (const child of element.children) observer.observe(child);
    check();
    return () => observer.disconnect();
  }, []);
  return (
    // A <section> is a region only with a name, so it has one only while it scrolls.
    <section
      ref={ref}
      className={className}
      aria-label={scrolls ? label : undefined}
      tabIndex={scrolls ? 0 : undefined}
    >
      {children}
    </section>
  );
}
