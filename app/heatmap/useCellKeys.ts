import { type FocusEvent, type KeyboardEvent, type MouseEvent, useRef } from 'react';
import type { CellRef } from './Heatmap.tsx';
import type { Highlight } from './highlight.ts';

const MOVES: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/**
 * Keyboard access to a heatmap's cells: focus shows a cell as hover would, arrows move it,
 * Enter or Space locks it. Arrow keys are consumed here, so they do not also change the step.
 * A press with the pointer focuses the picture without scrolling: the browser would scroll a
 * picture half under the formula bar into view between press and release, and the click would
 * then land on another cell or none.
 */
export function useCellKeys(
  rows: number,
  cols: number,
  highlight: Highlight,
  onHover?: (cell: CellRef | null) => void,
  onSelect?: (cell: CellRef) => void,
) {
  const cursor = useRef<CellRef | null>(null);
  if (!onHover) return {};
  const start = (): CellRef =>
    cursor.current ??
    (highlight.cell ? { row: highlight.cell[0], col: highlight.cell[1] } : { row: 0, col: 0 });
  return {
    onMouseDown: (e: MouseEvent<HTMLElement | SVGElement>) => {
      if (e.button !== 0 || document.activeElement === e.currentTarget) return;
      e.preventDefault();
      e.currentTarget.focus({ preventScroll: true });
    },
    onFocus: (_e: FocusEvent) => {
      cursor.current = start();
      onHover(cursor.current);
    },
    onBlur: (_e: FocusEvent) => onHover(null),
    onKeyDown: (e: KeyboardEvent) => {
      const move = MOVES[e.key];
      const at = start();
      if (move) {
        e.preventDefault();
        e.stopPropagation();
        const row = Math.max(0, Math.min(rows - 1, at.row + move[0]));
        const col = Math.max(0, Math.min(cols - 1, at.col + move[1]));
        cursor.current = { row, col };
        onHover(cursor.current);
      } else if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        onSelect?.(at);
      }
    },
  };
}
