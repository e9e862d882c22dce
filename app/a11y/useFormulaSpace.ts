import { useEffect } from 'react';

/**
 * The formula bar is pinned to the bottom of the window; a control focused by Tab must not end
 * up under it (WCAG 2.4.11). The page's scroll padding follows the bar's height, so the browser
 * scrolls a focused element above the bar.
 */
export function useFormulaSpace(): void {
  useEffect(() => {
    if (typeof ResizeObserver === 'undefined') return; // jsdom: nothing is pinned anyway
    const root = document.documentElement;
    let observed: Element | null = null;
    const sizes = new ResizeObserver(([entry]) => {
      const height = entry?.target.getBoundingClientRect().height ?? 0;
      root.style.setProperty('--formula-space', `${Math.ceil(height) + 8}px`);
    });
    // The bar is re-created with each step's page; watch whichever one is on screen.
    const watch = () => {
      const bar = document.querySelector('.formula');
      if (bar === observed) return;
      if (observed) sizes.unobserve(observed);
      observed = bar;
      if (bar) sizes.observe(bar);
      else root.style.removeProperty('--formula-space');
    };
    const pages = new MutationObserver(watch);
    pages.observe(document.body, { childList: true, subtree: true });
    watch();
    return () => {
      pages.disconnect();
      sizes.disconnect();
    };
  }, []);
}
