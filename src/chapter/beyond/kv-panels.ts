/**
 * What §4.2 draws from a `kv_cache` trace: the cache's K and V rows, each head's weights as the
 * cached calls computed them (rows of earlier calls dimmed, the latest call's row bright), the
 * running output, and how far all of it is from the full causal pass of the same trace.
 */
import type { Trace } from '../../engine/trace.ts';
import { maxAbsDiff } from '../derive.ts';
import { fmt } from '../formula/tex.ts';
import { headsOf } from '../panels/heads.ts';
import { outputPanel, projectedPanel, weightsPanel } from '../panels/make.ts';
import { block, item } from '../panels/slice.ts';
import { CELL, type Check, type Panel, type PanelGroup } from '../panels/types.ts';
import { expandKv } from './gqa-panels.ts';
import { kvSharingWords } from './kv-sizes.ts';

/** The trace with the cached path's tensors in place of the full pass's. */
function cachedTrace(trace: Trace): Trace {
  const cached = trace.cached;
  if (!cached) throw new Error('§4.2 needs a trace with kv_cache');
  return { ...trace, ...cached };
}

/** Rows before `newFrom` came from earlier calls (dimmed); above the diagonal is masked. */
function statusOf(rows: number, cols: number, newFrom: number, causal: boolean): Uint8Array {
  const out = new Uint8Array(rows * cols);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++)
      if (causal && j > i) out[i * cols + j] = CELL.masked;
      else if (i < newFrom) out[i * cols + j] = CELL.cached;
  return out;
}

const dimmed = (panel: Panel, newFrom: number, causal = false): Panel => ({
  ...panel,
  status: statusOf(panel.rows.length, panel.cols.length, newFrom, causal),
});

/** The largest differences between the cached path and the full causal pass of one trace. */
export function cacheDeltas(trace: Trace, newFrom: number): { output: number; newRows: number } {
  const cached = cachedTrace(trace);
  const t = trace.attn_weights.shape[2];
  let newRows = 0;
  for (const h of headsOf(trace)) {
    const a = block(cached.attn_weights, 0, h).subarray(newFrom * t);
    const b = block(trace.attn_weights, 0, h).subarray(newFrom * t);
    newRows = Math.max(newRows, maxAbsDiff(a, b));
  }
  return { output: maxAbsDiff(item(cached.output), item(trace.output)), newRows };
}

const delta = (x: number) =>
  x === 0 ? '0 (identical to the last bit)' : x < 1e-3 ? x.toExponential(1) : fmt(x);

function checksOf(trace: Trace, newFrom: number): Check[] {
  const d = cacheDeltas(trace, newFrom);
  const t = trace.attn_weights.shape[2];
  const rows = newFrom === t - 1 ? `row ${t}` : `rows 1–${t}`;
  return [
    {
      ok: d.newRows < 1e-6,
      text: `The new weights (${rows}) against the full causal pass: max |Δ| = ${delta(d.newRows)}.`,
    },
    {
      ok: d.output < 1e-6,
      text: `The running output (cached) against the full causal pass: max |Δ| = ${delta(d.output)}.`,
    },
  ];
}

/** One cache panel per K/V head: per head under MHA, per shared group under GQA/MQA. */
function cachePanels(cached: Trace, newFrom: number): Panel[] {
  const kv = cached.keys.shape[1];
  const shared = kv < cached.attn_weights.shape[1];
  return Array.from({ length: kv }, (_, g) =>
    (['keys', 'values'] as const).map((which) => {
      const where = shared ? `K/V head ${g + 1}` : `head ${g + 1}`;
      const panel = projectedPanel({ trace: cached, h: g, suffix: where }, which);
      const name = which === 'keys' ? 'cache_k' : 'cache_v';
      return dimmed(
        {
          ...panel,
          id: `${name}.${shared ? 'g' : 'h'}${g + 1}`,
          label: `cached ${which}, ${where}`,
          code: name,
        },
        newFrom,
      );
    }),
  ).flat();
}

/** Under GQA/MQA, which query heads read each K/V head's cache rows. */
function sharingNote(kv: number, heads: number): string {
  if (kv === heads) return '';
  return ` ${kv} K/V head${kv > 1 ? 's' : ''} for ${heads} query heads: ${kvSharingWords(heads, kv)}.`;
}

export function kvPanels(trace: Trace, newFrom: number): PanelGroup[] {
  const kv = trace.keys.shape[1];
  const heads = headsOf(trace);
  // Each query head's weights read its group's keys, repeated as repeat_interleave does.
  const perQueryHead = (x: Trace) => (kv < heads.length ? expandKv(x) : x);
  const cached = perQueryHead(cachedTrace(trace));
  const full = perQueryHead(trace);
  const t = trace.attn_weights.shape[2];
  const latest = newFrom === t - 1 ? `row ${t}` : `rows 1–${t} (the prompt)`;
  const cache: PanelGroup = {
    title: `The cache: cache_k and cache_v hold ${t} tokens`,
    note: `Dimmed rows were stored by earlier calls and are only read; ${latest} was appended by this call.${sharingNote(kv, heads.length)}`,
    panels: cachePanels(cachedTrace(trace), newFrom),
  };
  const perHead: PanelGroup[] = heads.map((h) => ({
    title: `Head ${h + 1}: this call computes ${latest} only`,
    panels: [dimmed(weightsPanel({ trace: cached, h, suffix: `head ${h + 1}` }), newFrom, true)],
  }));
  const output: PanelGroup = {
    title: 'The running output equals the full causal pass',
    note: 'Each call returns its new rows of context_vecs; joined, they are what one full pass over the same tokens returns.',
    panels: [dimmed(outputPanel(cached, 0, 'output', 'output'), newFrom)],
    checks: checksOf(trace, newFrom),
  };
  const fullPass: PanelGroup = {
    title: 'Without a cache: the full causal pass over every token again',
    note: 'What generating without a cache recomputes at every step: every row of every head.',
    folded: true,
    panels: [
      ...heads.map((h) =>
        weightsPanel(
          { trace: full, h, suffix: `head ${h + 1}` },
          'attention weights, full pass',
          'full_weights',
        ),
      ),
      outputPanel(trace, 0, 'output, full pass', 'full_output'),
    ],
  };
  return [cache, ...perHead, output, fullPass];
}
