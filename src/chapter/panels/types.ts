/** What a heatmap draws, decided here (framework-free) so the page only draws it. */

/** Picks the palette: diverging for signed scores and vectors, sequential for weights. */
export type PanelKind = 'scores' | 'weights' | 'mask' | 'dropout' | 'vectors' | 'params';

/** What a row or column of a panel stands for, so hover can highlight the same token elsewhere. */
export type AxisRole = 'query' | 'key' | 'dim' | 'none';

/**
 * Per-cell state drawn distinctly: masked cells grey, dropped cells hatched, cached cells (made
 * by an earlier call of the KV cache, not recomputed) dimmed.
 */
export const CELL = { normal: 0, masked: 1, dropped: 2, cached: 3 } as const;

/** A formula with the live numbers substituted: TeX for KaTeX, and the same in words. */
export interface Formula {
  tex: string;
  text: string;
}

export interface Panel {
  /**
   * Stable id, unique on its step: the chapter's tensor name, qualified by batch item and head
   * (`attn_weights`, `attn_weights.h2`, `context.b2`). Hover, lock, the featured cell and links
   * match on it, never on the words of `label`.
   */
  id: string;
  /** Words only: the caption and the accessible name, e.g. "attention weights, head 1". */
  label: string;
  /** The chapter's name in code, e.g. `attn_weights`, shown under the picture. */
  code: string;
  kind: PanelKind;
  /** Row-major rows.length × cols.length values. */
  values: Float32Array;
  rows: readonly string[];
  cols: readonly string[];
  rowRole: AxisRole;
  colRole: AxisRole;
  /** Token index of the first row (a one-query panel shows only row `rowOffset`). */
  rowOffset: number;
  /** The attention head this panel belongs to (0 when there is one). */
  head: number;
  /** CELL.* per cell, or null when every cell is normal. */
  status: Uint8Array | null;
  formula: ((row: number, col: number) => Formula) | null;
}

/** A statement the step proves with the numbers on screen, e.g. "way 1 = way 2". */
export interface Check {
  text: string;
  ok: boolean;
}

export interface PanelGroup {
  title: string;
  /** One or two sentences under the title. */
  note?: string;
  panels: Panel[];
  checks?: Check[];
  /** Drawn folded away (details) because it is secondary, e.g. every head's weight matrices. */
  folded?: boolean;
  /** A step-local field (`view.local`) the learner edits in this group, e.g. 3.6.2's `a`. */
  edits?: string;
}

/** The tokens a focused cell refers to, for highlighting them across the step. */
export interface FocusTokens {
  query: number | null;
  key: number | null;
}

export function focusTokens(panel: Panel, row: number, col: number): FocusTokens {
  const r = row + panel.rowOffset;
  return {
    query: panel.rowRole === 'query' ? r : null,
    key: panel.rowRole === 'key' ? r : panel.colRole === 'key' ? col : null,
  };
}
