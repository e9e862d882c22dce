import { useEffect } from 'react';
import type { LabStore } from '../store/index.ts';

/**
 * Tells the undo history where one gesture ends and the next begins: when focus moves (into or
 * out of a field) and when the pointer is pressed or released (a drag, a click). Listening on
 * the window in the capture phase sees every field and the scatter plot without their help.
 */
const ENDS = ['focusin', 'focusout', 'pointerdown', 'pointerup'] as const;

export function useGestureEnds(store: LabStore): void {
  useEffect(() => {
    const end = () => store.getState().actions.endGesture();
    for (const type of ENDS) window.addEventListener(type, end, true);
    return () => {
      for (const type of ENDS) window.removeEventListener(type, end, true);
    };
  }, [store]);
}
