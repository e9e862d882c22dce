import type { ReactNode } from 'react';

/**
 * A table that may be wider than a phone's screen, in a box that scrolls sideways. The box takes
 * keyboard focus (arrow keys scroll it) and is named, so a keyboard user can reach what is cut off.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="gpt2-scroll" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
