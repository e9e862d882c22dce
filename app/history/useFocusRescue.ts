import { useEffect } from 'react';

/** Where focus goes when nothing more specific is named: the step's heading. */
export const STEP_HEADING = '#step-title';

function usable(el: Element | null): el is HTMLElement | SVGElement {
  return (
    (el instanceof HTMLElement || el instanceof SVGElement) &&
    el.isConnected &&
    !el.matches(':disabled')
  );
}

/**
 * A control that disables or disappears while focused (Undo at the start of history, Unlock
 * once released) would drop focus to <body>, and the keyboard user starts again from the top.
 * Such a control names where focus should go instead in `data-focus-next` (CSS selectors, tried
 * in order, separated by "|"); the step's heading is the last resort.
 */
export function useFocusRescue(): void {
  useEffect(() => {
    let last: HTMLElement | null = null;
    const onFocusIn = (e: FocusEvent) => {
      last = e.target instanceof HTMLElement ? e.target : null;
    };
    const rescue = () => {
      const lost: HTMLElement | null = last;
      if (!lost?.dataset.focusNext || (lost.isConnected && !lost.matches(':disabled'))) return;
      const active = document.activeElement;
      if (active && active !== document.body && active !== lost) return;
      const next = [...lost.dataset.focusNext.split('|'), STEP_HEADING]
        .map((selector) => document.querySelector(selector))
        .find(usable);
      last = null;
      next?.focus();
    };
    const observer = new MutationObserver(rescue);
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['disabled'],
    });
    document.addEventListener('focusin', onFocusIn);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn);
    };
  }, []);
}
