/**
 * What an edit changed: each panel's difference from the same panel before the edit (matched by
 * id, same shape only), and its largest change in words, e.g. "journey's weight on starts
 * +0.0710". The page draws these; it computes nothing.
 */
import { formatNumber } from './format.ts';
import type { Panel, PanelGroup } from './panels/index.ts';

export interface CellChange {
  row: number;
  col: number;
  before: number;
  after: number;
  delta: number;
}

export interface PanelChange {
  /** after − before, cell by cell; 0 where both are the same infinity (masked cells). */
  delta: Float32Array;
  /** The cell that moved most, or null when nothing did. */
  largest: CellChange | null;
  /** The largest change in words, or "no change". */
  words: string;
}

/** A change with its sign: "+0.0710", "−0.0710" (a minus sign, as the pictures print −∞). */
export function signed(x: number): string {
  const text = formatNumber(Math.abs(x));
  if (text === '0.0000') return '±0.0000';
  return `${x > 0 ? '+' : '−'}${text}`;
}

/** A cell named as the chapter would say it: "journey's weight on starts". */
export function cellName(panel: Panel, row: number, col: number): string {
  const r = panel.rows[row];
  const c = panel.cols[col];
  if (panel.rowRole === 'query' && panel.colRole === 'key') {
    if (panel.kind === 'scores') return `${r}'s score for ${c}`;
    if (panel.kind === 'weights') return `${r}'s weight on ${c}`;
  }
  return `${panel.label} at ${r}, ${c}`;
}

function difference(before: number, after: number): number {
  if (before === after) return 0; // also −∞ − −∞, which would be NaN
  return after - before;
}

/** The change of one panel, or null when the two cannot be compared cell by cell. */
export function panelChange(before: Panel, after: Panel): PanelChange | null {
  if (before.rows.length !== after.rows.length || before.cols.length !== after.cols.length) {
    return null;
  }
  const cols = after.cols.length;
  const delta = new Float32Array(after.values.length);
  let largest: CellChange | null = null;
  for (let i = 0; i < delta.length; i++) {
    const d = difference(before.values[i], after.values[i]);
    delta[i] = d;
    if (Number.isFinite(d) && d !== 0 && (!largest || Math.abs(d) > Math.abs(largest.delta))) {
      const row = Math.floor(i / cols);
      largest = { row, col: i % cols, before: before.values[i], after: after.values[i], delta: d };
    }
  }
  const words = largest
    ? `${cellName(after, largest.row, largest.col)} ${signed(largest.delta)}`
    : 'no change';
  return { delta, largest, words };
}

/** Every panel of `after` that `before` also shows, by id. */
export function changesBetween(
  before: readonly PanelGroup[],
  after: readonly PanelGroup[],
): Map<string, PanelChange> {
  const old = new Map(before.flatMap((g) => g.panels).map((p) => [p.id, p]));
  const out = new Map<string, PanelChange>();
  for (const panel of after.flatMap((g) => g.panels)) {
    const was = old.get(panel.id);
    const change = was ? panelChange(was, panel) : null;
    if (change) out.set(panel.id, change);
  }
  return out;
}

/**
 * The change to name first: in the step's attention weights (id `attn_weights`, or its first
 * batch item or head) when they moved, else in the first panel that moved.
 */
export function headline(
  after: readonly PanelGroup[],
  changes: ReadonlyMap<string, PanelChange>,
): { panel: Panel; change: PanelChange } | null {
  const moved = after
    .flatMap((g) => g.panels)
    .filter((p) => changes.get(p.id)?.largest)
    .map((panel) => ({ panel, change: changes.get(panel.id) as PanelChange }));
  const weights = /^attn_weights(\.[bh]1)?$/;
  return moved.find((m) => weights.test(m.panel.id)) ?? moved[0] ?? null;
}
