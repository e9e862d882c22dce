import { useEffect } from 'react';
import { neighbour } from '../../src/chapter/steps/index.ts';
import type { LabStore } from '../store/index.ts';

/** Keys typed into a field belong to the field. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName);
}

/** A focused box that scrolls sideways (a wide table on a phone) takes ← and → to scroll. */
function scrollsSideways(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement) || target.scrollWidth <= target.clientWidth) return false;
  return ['auto', 'scroll'].includes(getComputedStyle(target).overflowX);
}

/**
 * ← and → change steps, unless focus is in a field or a sideways scroller, or a widget already
 * used the key.
 */
export function useStepKeys(store: LabStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      if (typing(e.target) || scrollsSideways(e.target)) return;
      const state = store.getState();
      const to = neighbour(state.view.step, e.key === 'ArrowLeft' ? -1 : 1);
      if (to) {
        e.preventDefault();
        state.actions.goTo(to);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
