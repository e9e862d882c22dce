/** Panels of a trace's own tensors, named as the chapter names them. */
import type { Trace } from '../../engine/trace.ts';
import {
  contextFormula,
  dropoutMaskFormula,
  droppedFormula,
  maskedScoreFormula,
  scoreFormula,
  weightFormula,
} from '../formula/attention.ts';
import {
  outputFormula,
  type Projected,
  paramFormula,
  projectionFormula,
} from '../formula/projection.ts';
import { block, dimLabels, item } from './slice.ts';
import { CELL, type Panel } from './types.ts';

/** Which batch item and head of which trace, and how to qualify the names (", head 2"). */
export interface Where {
  trace: Trace;
  b?: number;
  h?: number;
  suffix?: string;
}

export const named = (base: string, suffix?: string) => (suffix ? `${base}, ${suffix}` : base);

/** A panel id: the tensor's name, then `.b2` for batch item 2 and `.h1` for head 1 when given. */
export function panelId(base: string, w: { b?: number; h?: number }): string {
  const b = w.b === undefined ? '' : `.b${w.b + 1}`;
  const h = w.h === undefined ? '' : `.h${w.h + 1}`;
  return `${base}${b}${h}`;
}

/** The weight matrices of one attention module, in the chapter's order. */
export const QKV = ['W_query', 'W_key', 'W_value'] as const;

/** Grey above the diagonal when causal; hatched where dropout zeroed a weight. */
function statusOf(w: Where, masked: boolean, dropped: boolean): Uint8Array | null {
  const { trace } = w;
  const t = trace.config.tokens.length;
  const mask = dropped && trace.dropout_mask ? block(trace.dropout_mask, w.b, w.h) : null;
  if (!(masked && trace.config.causal) && !mask) return null;
  const out = new Uint8Array(t * t);
  for (let i = 0; i < t; i++) {
    for (let j = 0; j < t; j++) {
      if (masked && trace.config.causal && j > i) out[i * t + j] = CELL.masked;
      else if (mask && mask[i * t + j] === 0) out[i * t + j] = CELL.dropped;
    }
  }
  return out;
}

/** What sets one [T, T] query-by-key panel apart; its id and label get `w`'s qualifiers. */
interface SquareSpec {
  id: string;
  label: string;
  code: string;
  kind: Panel['kind'];
  values: Float32Array;
  status: Uint8Array | null;
  formula: typeof scoreFormula;
}

const at = (w: Where) => ({ trace: w.trace, b: w.b ?? 0, h: w.h ?? 0 });

function square(w: Where, spec: SquareSpec): Panel {
  const tokens = w.trace.config.tokens;
  return {
    ...spec,
    id: panelId(spec.id, w),
    label: named(spec.label, w.suffix),
    rows: tokens,
    cols: tokens,
    rowRole: 'query',
    colRole: 'key',
    rowOffset: 0,
    head: w.h ?? 0,
    formula: (i, j) => spec.formula(at(w), i, j),
  };
}

export function scoresPanel(w: Where, label = 'attention scores', id = 'attn_scores'): Panel {
  const values = block(w.trace.attn_scores, w.b, w.h);
  return square(w, {
    id,
    label,
    code: 'attn_scores',
    kind: 'scores',
    values,
    status: null,
    formula: scoreFormula,
  });
}

export function maskedScoresPanel(w: Where): Panel {
  return square(w, {
    id: 'masked_scores',
    label: 'masked scores',
    code: 'attn_scores.masked_fill_(mask, -inf)',
    kind: 'scores',
    values: block(w.trace.masked_scores, w.b, w.h),
    status: statusOf(w, true, false),
    formula: maskedScoreFormula,
  });
}

export function weightsPanel(w: Where, label = 'attention weights', id = 'attn_weights'): Panel {
  const values = block(w.trace.attn_weights, w.b, w.h);
  const status = statusOf(w, true, false);
  return square(w, {
    id,
    label,
    code: 'attn_weights',
    kind: 'weights',
    values,
    status,
    formula: weightFormula,
  });
}

export function dropoutMaskPanel(w: Where): Panel {
  const t = w.trace.config.tokens.length;
  return square(w, {
    id: 'dropout_mask',
    label: 'dropout mask',
    code: 'dropout mask: 0 or 1/(1-p)',
    kind: 'dropout',
    values: w.trace.dropout_mask
      ? block(w.trace.dropout_mask, w.b, w.h)
      : new Float32Array(t * t).fill(1),
    status: statusOf(w, false, true),
    formula: dropoutMaskFormula,
  });
}

export function droppedPanel(w: Where): Panel {
  return square(w, {
    id: 'attn_weights_dropped',
    label: 'attention weights after dropout',
    code: 'self.dropout(attn_weights)',
    kind: 'weights',
    values: block(w.trace.attn_weights_dropped, w.b, w.h),
    status: statusOf(w, true, true),
    formula: droppedFormula,
  });
}

/** A [T, width] panel of per-token vectors. */
function vectors(w: Where, values: Float32Array, width: number, rowRole: 'query' | 'key') {
  return {
    kind: 'vectors' as const,
    values,
    rows: w.trace.config.tokens,
    cols: dimLabels(width),
    rowRole,
    colRole: 'dim' as const,
    rowOffset: 0,
    head: w.h ?? 0,
    status: null,
  };
}

export function contextPanel(w: Where, label = 'context vectors', id = 'context'): Panel {
  const hd = w.trace.context.shape[3];
  return {
    ...vectors(w, block(w.trace.context, w.b, w.h), hd, 'query'),
    id: panelId(id, w),
    label: named(label, w.suffix),
    code: 'attn_weights @ values',
    formula: (i, d) => contextFormula(at(w), i, d),
  };
}

export function projectedPanel(w: Where, which: Projected): Panel {
  const hd = w.trace[which].shape[3];
  const { trace, b = 0, h = 0 } = w;
  return {
    ...vectors(w, block(trace[which], b, h), hd, which === 'queries' ? 'query' : 'key'),
    id: panelId(which, w),
    label: named(which, w.suffix),
    code: { queries: 'x @ W_query', keys: 'x @ W_key', values: 'x @ W_value' }[which],
    formula: (i, d) => projectionFormula(trace, which, b, h, i, d),
  };
}

/**
 * A weight matrix in the chapter's x @ W layout: rows are input dims, columns output dims. Its
 * id is the parameter's name (`W_query`, `heads.1.W_key`) unless the step has two of them.
 */
export function paramPanel(trace: Trace, name: string, label: string, id = name): Panel {
  const p = trace.params[name];
  const [rows, cols] = p.shape;
  return {
    id,
    label,
    code: name,
    kind: 'params',
    values: p.data,
    rows: dimLabels(rows, 'in'),
    cols: dimLabels(cols, 'out'),
    rowRole: 'none',
    colRole: 'none',
    rowOffset: 0,
    head: 0,
    status: null,
    formula: (r, c) => paramFormula(trace, name, r, c),
  };
}

/** The module's output for one batch item: [T, width]; id `output.b1` unless given. */
export function outputPanel(
  trace: Trace,
  b: number,
  label: string,
  id = panelId('output', { b }),
): Panel {
  const width = trace.output.shape[2];
  return {
    ...vectors({ trace, b }, item(trace.output, b), width, 'query'),
    id,
    label,
    code: 'context_vecs',
    formula: (i, d) => outputFormula(trace, b, i, d),
  };
}

/** Row `r` of a token-by-something panel, as a one-query panel (it keeps the panel's id). */
export function rowPanel(panel: Panel, r: number, label: string, code = panel.code): Panel {
  const cols = panel.cols.length;
  const formula = panel.formula;
  return {
    ...panel,
    label,
    code,
    values: panel.values.subarray(r * cols, (r + 1) * cols),
    rows: [panel.rows[r]],
    rowOffset: r,
    status: panel.status ? panel.status.subarray(r * cols, (r + 1) * cols) : null,
    formula: formula ? (_row, c) => formula(r, c) : null,
  };
}
