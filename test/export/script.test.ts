import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { configsFor } from '../../src/chapter/steps/index.ts';
import { defaultView, STEP_IDS, type StepId, type ViewState } from '../../src/chapter/view.ts';
import { runAttention } from '../../src/engine/run.ts';
import type { Trace, TraceTensorName } from '../../src/engine/trace.ts';
import { runnableScript } from '../../src/export/script.ts';

/**
 * The copied script, run by PyTorch (/usr/bin/python3 with Debian's python3-torch; `.ci/run`
 * installs it), prints the numbers the page shows: every printed tensor equals the engine's
 * trace for the same view within 1e-4 (the script prints 4 decimals).
 */

/** Which trace tensor each printed name is, and for one-query steps which row. */
type Source = { trace: number; tensor: TraceTensorName; row?: number };

function sources(view: ViewState): Record<string, Source> {
  const q = Math.min(view.tokens.length - 1, view.locked?.row ?? 1);
  const n = q + 1;
  const dropped = { trace: 0, tensor: 'attn_weights_dropped' } as const;
  const out = { trace: 0, tensor: 'output' } as const;
  const table: Partial<Record<StepId, Record<string, Source>>> = {
    '3.3.1': {
      [`attn_scores_${n}`]: { trace: 0, tensor: 'attn_scores', row: q },
      [`attn_weights_${n}`]: { trace: 0, tensor: 'attn_weights', row: q },
      [`context_vec_${n}`]: { trace: 0, tensor: 'output', row: q },
    },
    '3.3.2': {
      attn_scores: { trace: 0, tensor: 'attn_scores' },
      attn_weights: { trace: 0, tensor: 'attn_weights' },
      all_context_vecs: out,
    },
    '3.4.1': {
      queries: { trace: 0, tensor: 'queries' },
      keys: { trace: 0, tensor: 'keys' },
      attn_scores: { trace: 0, tensor: 'attn_scores' },
      attn_weights: { trace: 0, tensor: 'attn_weights' },
      context_vecs: out,
    },
    '3.4.2': {
      attn_weights: { trace: 0, tensor: 'attn_weights' },
      context_vecs: out,
      context_vecs_v1: { trace: 1, tensor: 'output' },
    },
    '3.5.1': {
      attn_scores: { trace: 1, tensor: 'attn_scores' },
      masked: { trace: 1, tensor: 'masked_scores' },
      attn_weights: { trace: 1, tensor: 'attn_weights' },
    },
    '3.5.2': { attn_weights: dropped, context_vecs: out },
    '3.5.3': { attn_weights: dropped, context_vecs: out },
    '3.6.1': { attn_weights: dropped, context_vecs: out },
    '3.6.2': { attn_weights: dropped, context_vecs: out },
  };
  return table[view.step] ?? {};
}

function expected(traces: Trace[], s: Source): number[] {
  const t = traces[s.trace][s.tensor];
  if (!t) throw new Error(`no ${s.tensor}`);
  if (s.row === undefined) return Array.from(t.data);
  const cols = t.shape[t.shape.length - 1];
  return Array.from(t.data.subarray(s.row * cols, (s.row + 1) * cols));
}

/** "name (shape):" then the tensor as PyTorch prints it → { name: numbers }. */
function parsePrints(out: string): Record<string, number[]> {
  const found: Record<string, number[]> = {};
  for (const part of out.split(/^(?=\S+ \([\d, ]*\):$)/m)) {
    const head = /^(\S+) \(([\d, ]*)\):\n([\s\S]*)$/.exec(part);
    if (!head) continue;
    const numbers = head[3].match(/-?inf|nan|-?\d+\.\d*(?:e[-+]?\d+)?/g) ?? [];
    found[head[1]] = numbers.map((x) =>
      x === 'nan' ? Number.NaN : x === 'inf' ? Infinity : x === '-inf' ? -Infinity : Number(x),
    );
  }
  return found;
}

/** The learner's kind of edits: new numbers, a repeated token, other seed and sizes. */
function edited(step: StepId): ViewState {
  const v = defaultView(step);
  const multi = step.startsWith('3.6');
  return {
    ...v,
    tokens: [...v.tokens.slice(0, 5), 'Your'],
    embeddings: v.embeddings.map((row, i) => row.map((x, j) => x + 0.1 * (i - j) - 0.05)),
    seed: 7,
    d_out: 4,
    num_heads: multi ? 2 : v.num_heads,
    qkv_bias: true,
    dropout: step === '3.4.1' ? 0 : 0.25,
    training: step.startsWith('3.5') || multi,
    causal: step === '3.5.3' ? false : v.causal,
    scaled: step === '3.5.3' ? false : v.scaled,
    locked: step === '3.3.1' ? { head: 0, row: 4, col: 0 } : null,
  };
}

/** Runs every script in one Python process (importing torch is the slow part). */
function runAll(scripts: string[]): string[] {
  const driver = [
    'import json, sys',
    'for i, s in enumerate(json.load(sys.stdin)):',
    '    print(f"=== script {i}", flush=True)',
    '    exec(compile(s, f"script{i}.py", "exec"), {"__name__": "__main__"})',
  ].join('\n');
  const out = execFileSync('/usr/bin/python3', ['-c', driver], {
    input: JSON.stringify(scripts),
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return out.split(/^=== script \d+\n/m).slice(1);
}

describe('the copied PyTorch script', () => {
  it('prints the numbers on the page, for the book’s example and an edited view, every step', () => {
    // Chapter 3's steps have scripts; the steps beyond it (their own pages) have none yet.
    const scripted = STEP_IDS.filter((step) => runnableScript(defaultView(step)) !== null);
    expect(scripted).toEqual(STEP_IDS.filter((step) => step.startsWith('3.')));
    const views = scripted.flatMap((step) => [defaultView(step), edited(step)]);
    const outputs = runAll(views.map((v) => runnableScript(v) as string));
    expect(outputs).toHaveLength(views.length);
    let worst = 0;
    views.forEach((view, i) => {
      const traces = configsFor(view).map((c) => runAttention(c));
      const printed = parsePrints(outputs[i]);
      const want = sources(view);
      expect(Object.keys(printed).sort(), `${view.step}`).toEqual(Object.keys(want).sort());
      for (const [name, source] of Object.entries(want)) {
        const expect_ = expected(traces, source);
        const got = printed[name];
        expect(got, `${view.step} ${name}`).toHaveLength(expect_.length);
        got.forEach((x, j) => {
          if (!Number.isFinite(expect_[j]))
            expect(x, `${view.step} ${name}[${j}]`).toBe(expect_[j]);
          else worst = Math.max(worst, Math.abs(x - expect_[j]));
        });
      }
    });
    expect(worst).toBeLessThanOrEqual(1e-4);
  }, 600_000);
});
