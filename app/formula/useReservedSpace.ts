import { useCallback, useRef } from 'react';

/**
 * A ref that publishes its element's height as `--formula-space` on the root, which reserves it
 * at the bottom of the page (scroll-padding-bottom, the editing column's height): a bar pinned
 * over the page's end would otherwise hide focused controls and the last rows of content.
 * The height is read in the ResizeObserver's callback only (it also fires once on `observe`):
 * there layout is already done, whereas reading it in the ref would force a layout of the whole
 * fresh page inside the first render.
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
    if (typeof ResizeObserver === 'undefined') {
      publish();
      return;
    }
    observer.current = new ResizeObserver(publish);
    observer.current.observe(el);
  }, []);
}
