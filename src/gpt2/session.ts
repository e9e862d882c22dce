import { sliceOf, type TokenWindow } from '../headview/index.ts';
import type { WasmDraws } from '../rng/index.ts';
import { loadGpt2Tokenizer, MAX_TOKENS } from '../tokenizer/index.ts';
import { Gpt2Weights } from './embeddings.ts';
import { type HeadMaps, headMaps } from './head-summary.ts';
import { type LayerRunner, referenceLayer } from './kernel-layer.ts';
import type { LayerResult } from './layer.ts';
import {
  EMB_PREVIEW,
  type FetchRequest,
  type FetchResult,
  type Gpt2Parts,
  type Gpt2Want,
  type HeadWeights,
  type RunRequest,
  type RunResult,
} from './protocol.ts';
import { EMB_DIM, NUM_HEADS } from './sizes.ts';
import { thumbSize } from './thumbnails.ts';
import { Timeline } from './timeline.ts';
import { bytesOf } from './transfer.ts';

/** Seeds whose weights are kept: the current one and the one before (a learner comparing two). */
const KEEP_SEEDS = 2;

/** The last forward pass and what was derived from it (the summaries and the thumbnails). */
interface Last {
  seed: number;
  ids: number[];
  key: string;
  layer: LayerResult;
  maps: HeadMaps;
  /** Milliseconds computing these took (embeddings, layer, summaries). */
  ms: number;
  /** Computed by the prepare, and not yet counted in a run's `ms` (the first run counts them). */
  ahead: boolean;
}

/** Position rows a text can use, known before tokenizing: a token is at least one UTF-8 byte. */
export function tablesRows(text: string): number {
  return Math.min(MAX_TOKENS, new TextEncoder().encode(text).length);
}

/** How many tokens two texts share from the start. */
function sharedPrefix(a: readonly number[], b: readonly number[]): number {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  return p;
}

/**
 * What the step's worker does, kept free of the worker's globals so Node tests can run it:
 * tokenize, build the rows of the tables the text uses, run the layer, and answer with what the
 * view draws now (`Gpt2Want`: the summaries always; the thumbnails and the context strip when on
 * screen, at most one full head, the head view's window). The last layer result stays here, so
 * scrolling, opening another head or moving the window costs a copy, not a forward pass.
 */
export class Gpt2Session {
  private readonly tables = new Map<number, Gpt2Weights>();
  private last: Last | null = null;

  /**
   * `layer` computes the forward pass: the kernels once they have started (the worker starts
   * them while the tokenizer loads), else the reference TypeScript. `draws` makes the seeds'
   * tables (in WebAssembly once compiled; the TypeScript generator by default).
   */
  constructor(
    private readonly layer: Promise<LayerRunner> = Promise.resolve(referenceLayer),
    readonly timeline = new Timeline(),
    private readonly draws: Promise<WasmDraws | undefined> = Promise.resolve(undefined),
  ) {}

  async run(req: RunRequest): Promise<RunResult> {
    const start = performance.now();
    const startEpoch = this.timeline.now();
    const lap = stopwatch();
    const ready = Promise.all([loadGpt2Tokenizer(), this.layer]);
    // Drawn while the tokenizer and the kernels load (network, compiling): not after them.
    const w = this.weights(req.seed, await this.draws);
    w.attention();
    lap('weights');
    const [tokenizer, runner] = await ready;
    lap('startup');
    const { tokens, total, note } = tokenizer.tokenize(req.text);
    const ids = tokens.map((t) => t.id);
    const t = ids.length;
    lap('tokenize');
    const current = this.compute(req.seed, ids, w, runner, lap);
    const { entropy, lookback } = current.maps;
    const pos = w.positionRows(t);
    const tok_emb = new Float32Array(t * EMB_PREVIEW);
    const pos_emb = new Float32Array(t * EMB_PREVIEW);
    for (let i = 0; i < t; i++) {
      tok_emb.set(w.tokenRow(ids[i]).subarray(0, EMB_PREVIEW), i * EMB_PREVIEW);
      pos_emb.set(pos.subarray(i * EMB_DIM, i * EMB_DIM + EMB_PREVIEW), i * EMB_PREVIEW);
    }
    const result: RunResult = {
      kind: 'result',
      id: req.id,
      seed: req.seed,
      tokens,
      total,
      note,
      entropy,
      lookback,
      tok_emb,
      pos_emb,
      ...this.parts(req.want),
      computedBy: runner.label,
      ms: 0,
      phases: {},
    };
    lap('copies');
    result.phases = lap.all;
    // A text the prepare computed: the status line says what computing it took, not the copy.
    result.ms = performance.now() - start + (current.ahead ? current.ms : 0);
    current.ahead = false;
    result.bytes = bytesOf(result);
    const marks = this.timeline.drain();
    if (marks.length > 0) {
      this.timeline.record('run', startEpoch);
      result.marks = [...marks, ...this.timeline.drain()];
    }
    return result;
  }

  /**
   * The layer and its summaries for these tokens, unless `last` holds them already (the same
   * seed and tokens: a request for other parts of the view, or the run a prepare did ahead).
   */
  private compute(
    seed: number,
    ids: number[],
    w: Gpt2Weights,
    runner: LayerRunner,
    lap: (name: string) => void,
  ): Last {
    const t = ids.length;
    const key = ids.join(',');
    const current = this.last;
    if (current && current.seed === seed && current.key === key) return current;
    const start = performance.now();
    // An edit keeps the rows before its first changed token (causal attention): compute the rest.
    const base = current && current.seed === seed && current.layer.t > 0 ? current : null;
    const from = base ? sharedPrefix(ids, base.ids) : 0;
    const edit = base && from > 0 && t - from <= runner.rowLimit(t) ? base : null;
    const mha = w.attention();
    const x = w.input(ids, edit ? from : 0);
    lap('embeddings');
    let layer = emptyLayer();
    if (edit) layer = runner.extend(edit.layer, x, t, from, mha);
    else if (t > 0) {
      layer = runner.run(x, t, mha);
      // After this reply is posted, before the learner's first edit of this text.
      if (runner.prepareEdits) setTimeout(() => runner.prepareEdits?.(), 0);
    }
    lap(edit ? 'layer (changed rows)' : 'layer');
    const maps = headMaps(layer.attn_weights, NUM_HEADS, t, edit?.maps, edit ? from : 0, {
      stats: layer.row_stats,
      thumbs: layer.thumbs,
    });
    lap('summaries+thumbnails');
    this.last = { seed, ids, key, layer, maps, ms: performance.now() - start, ahead: false };
    return this.last;
  }

  /**
   * What a first run of `text` will do, done ahead while the page is still loading: the
   * tokenizer, the seed's layer weights, the embedding rows of its tokens, then the layer and
   * its summaries — the page's run of the same text and seed (it asks once its step has
   * mounted) then only copies what its view draws. The tokenizer is asked for first, so its
   * fetch and compile overlap the drawing of the tables.
   */
  async prepare(text: string, seed: number): Promise<void> {
    const tl = this.timeline;
    const loading = loadGpt2Tokenizer();
    const w = this.weights(seed, await this.draws);
    tl.time('prepare-weights', () => w.attention());
    // Between the long stretches, the thread's other work gets its turn: the tokenizer's module
    // arrives and compiles on this thread's turns.
    await nextTask();
    tl.time('prepare-positions', () => w.positionRows(tablesRows(text)));
    await nextTask();
    const asked = tl.now();
    const tokenizer = await loading;
    tl.record('prepare-tokenizer', asked);
    const ids = tl.time('prepare-tokenize', () => tokenizer.tokenize(text).tokens.map((t) => t.id));
    tl.time('prepare-token-rows', () => {
      for (const id of ids) w.tokenRow(id);
    });
    const runner = await this.layer;
    await nextTask();
    // Each stretch on the shared clock, as the page's marks show it (`prepare-layer`, …).
    let at = tl.now();
    const done = this.compute(seed, ids, w, runner, (name) => {
      tl.record(`prepare-${name.split('+')[0]}`, at);
      at = tl.now();
    });
    done.ahead = true;
  }

  fetch(req: FetchRequest): FetchResult {
    const result: FetchResult = { kind: 'fetch', id: req.id, ...this.parts(req.want) };
    result.bytes = bytesOf(result);
    return result;
  }

  private parts(want: Gpt2Want): Gpt2Parts {
    const layer = this.last?.layer ?? emptyLayer();
    const { t } = layer;
    const win = want.window && t > 0 ? clampWindow(want.window, t) : null;
    const n = t * t;
    return {
      thumbSize: thumbSize(t),
      thumbs: want.thumbs ? (this.last?.maps.shades.slice() ?? new Uint8Array(0)) : null,
      context_vecs: want.context ? layer.context_vecs.slice() : null,
      head: want.head === null ? null : this.headOf(layer, want.head),
      window: win
        ? Array.from({ length: NUM_HEADS }, (_, h) =>
            sliceOf(h, layer.attn_weights.subarray(h * n, (h + 1) * n), t, win.start, win.size),
          )
        : null,
      bytes: 0,
    };
  }

  private headOf(layer: LayerResult, index: number): HeadWeights | null {
    if (!Number.isInteger(index) || index < 0 || index >= NUM_HEADS || layer.t === 0) return null;
    const n = layer.t * layer.t;
    return { index, t: layer.t, weights: layer.attn_weights.slice(index * n, (index + 1) * n) };
  }

  private weights(seed: number, draws: WasmDraws | undefined): Gpt2Weights {
    let w = this.tables.get(seed);
    if (w) this.tables.delete(seed);
    else w = new Gpt2Weights(seed, draws);
    this.tables.set(seed, w);
    if (this.tables.size > KEEP_SEEDS)
      this.tables.delete(this.tables.keys().next().value as number);
    return w;
  }
}

/** Resolves in a task of its own, after the events already waiting. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Wall time of each named stretch since the last lap (`all` keeps them, in ms). */
function stopwatch(): ((name: string) => void) & { all: Record<string, number> } {
  let at = performance.now();
  const all: Record<string, number> = {};
  return Object.assign(
    (name: string) => {
      const now = performance.now();
      all[name] = now - at;
      at = now;
    },
    { all },
  );
}

/** A window from the page, fitted to this text (the page may still hold the previous one's). */
function clampWindow(w: TokenWindow, t: number): TokenWindow {
  const size = Math.max(1, Math.min(t, Math.floor(w.size)));
  return { start: Math.max(0, Math.min(t - size, Math.floor(w.start))), size };
}

function emptyLayer(): LayerResult {
  const none = new Float32Array(0);
  return {
    t: 0,
    q: none,
    k: none,
    v: none,
    ctx: none,
    attn_scores: none,
    attn_weights: none,
    context_vecs: none,
  };
}
