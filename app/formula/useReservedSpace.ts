import { useCallback, useRef } from 'react';

/**
 * A ref that publishes its element's height as `--formula-space` on the root, which reserves it
 * at the bottom of the page (scroll-padding-bottom, the editing column's height): a bar pinned
 * over the page's end would otherwise hide focused controls and the last rows of content.
 */
export function useReservedSpace<T extends HTMLElement>() {
  const observer = useRef<ResizeObserver | null>(null);
  return useCallback((el: T | null) => {
    const root = document.documentElement;
    observer.current?.disconnect();
    observer.current = null;
    if (!el) {
      root.style.removeProperty('--formula-space');
      return;
    }
    const publish = () => root.style.setProperty('--formula-space', `${el.offsetHeight}px`);
    publish();
    if (typeof ResizeObserver === 'undefined') return;
    observer.current = new ResizeObserver(publish);
    observer.current.observe(el);
  }, []);
}
