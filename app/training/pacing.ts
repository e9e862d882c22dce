/**
 * What a training frame may leave for later: the numbers' tables (read, not watched), the
 * weights and gradients, the backward pass and panels scrolled out of sight. While training plays
 * they catch up a few times a second (or once seen); paused, they catch up within a few frames.
 * Either way the redraw goes through the catch-up queue, one panel after another, never all in one
 * task.
 */
import { type RefObject, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { cancelCatchUp, catchUp } from './catch-up.ts';

/** How often, while playing, values nobody watches at frame rate are brought up to date. */
export const PACE_MS = 250;

/**
 * The value last drawn: while playing, brought up to `value` at most every PACE_MS; paused, as
 * soon as the catch-up queue comes to it. With `hold` (off screen) it waits while playing.
 */
export function usePaced<T>(value: T, playing: boolean, hold = false): T {
  const [shown, setShown] = useState(value);
  const latest = useRef(value);
  latest.current = value;
  const taken = useRef(0);
  const [take] = useState(() => () => {
    taken.current = performance.now();
    setShown(latest.current);
  });
  useEffect(() => () => cancelCatchUp(take), [take]);
  // A layout effect: the page is busy from the commit that made the value due, not a task later.
  useLayoutEffect(() => {
    if (Object.is(value, shown) || (playing && hold)) return;
    const wait = playing ? taken.current + PACE_MS - performance.now() : 0;
    if (wait <= 0) return catchUp(take);
    const timer = setTimeout(() => catchUp(take), wait);
    return () => clearTimeout(timer);
  }, [value, shown, playing, hold, take]);
  return shown;
}

/**
 * A panel below the fold: `value` paced, held while playing and scrolled out of sight. Put the
 * ref on the panel's element.
 */
export function usePacedOnScreen<T, E extends Element>(value: T, playing: boolean) {
  const ref = useRef<E>(null);
  const onScreen = useOnScreen(ref);
  return [usePaced(value, playing, !onScreen), ref] as const;
}

/** Whether the element is in (or near) the viewport; true until the browser says otherwise. */
export function useOnScreen(ref: RefObject<Element | null>): boolean {
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
