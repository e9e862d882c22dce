/**
 * What a training frame may leave for later: the numbers' tables (read, not watched) and panels
 * scrolled out of sight. While training plays they catch up a few times a second, or when seen;
 * paused, they show the step on screen at once.
 */
import { type RefObject, useEffect, useRef, useState } from 'react';

/** How often, while playing, values nobody watches at frame rate are brought up to date. */
export const PACE_MS = 250;

/** `value` while paused; while playing, the newest value at most every PACE_MS. */
export function usePaced<T>(value: T, playing: boolean): T {
  const [shown, setShown] = useState(value);
  const taken = useRef(0);
  useEffect(() => {
    const take = () => {
      taken.current = performance.now();
      setShown(value);
    };
    const wait = playing ? taken.current + PACE_MS - performance.now() : 0;
    if (wait <= 0) return take();
    const timer = setTimeout(take, wait);
    return () => clearTimeout(timer);
  }, [value, playing]);
  return playing ? shown : value;
}

/** `value`, or the one last shown while `hold` is true. */
function useHeld<T>(value: T, hold: boolean): T {
  const held = useRef(value);
  if (!hold) held.current = value;
  return held.current;
}

/**
 * A panel below the fold: while playing and scrolled out of sight it keeps the value it last drew
 * (caught up once seen, or paused). Put the ref on the panel's element.
 */
export function useHeldOffScreen<T, E extends Element>(value: T, playing: boolean) {
  const ref = useRef<E>(null);
  const onScreen = useOnScreen(ref);
  return [useHeld(value, playing && !onScreen), ref] as const;
}

/** Whether the element is in (or near) the viewport; true until the browser says otherwise. */
function useOnScreen(ref: RefObject<Element | null>): boolean {
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(([entry]) => setVisible(entry.isIntersecting), {
      rootMargin: '100px',
    });
    io.observe(el);
    return () => io.disconnect();
  }, [ref]);
  return visible;
}
