/**
 * Multi-head attention forward on the kernels: lays out the buffers of one shape in the shared
 * memory, packs the weights (once per weight set), and runs passes on the team's threads.
 */
import { align, rowPackBytes, runRows, scratchBytes, thumbOf } from './phases.ts';
import { CTRL_BYTES, f32Bits, type Plan } from './plan.ts';
import type { Team } from './team.ts';

/** Below this many multiply-adds (about T=64 at d=64) one thread beats waking the others. */
const SMALL_WORK = 1 << 18;

export interface MhaShape {
  batch: number;
  t: number;
  dIn: number;
  dOut: number;
  heads: number;
  causal: boolean;
  /** Divide scores by √head_dim. */
  scaled: boolean;
  /** Keep every head's scores and weights (for a trace); else only the output. */
  full: boolean;
  /**
   * With `full`: keep the weights only — the softmax overwrites the scores in place, half the
   * memory (the GPT-2 step's 50 MB at T=1,024); `view('scores')` then has nothing to show.
   */
  scoresInPlace?: boolean;
  /**
   * Each attention row's entropy (nats) and mean key index Σ w_j·j, from the softmax's own loop
   * (`view('stats')`, [batch·heads, T, 2]): what the GPT-2 step's summaries show, without a
   * logarithm per weight afterwards.
   */
  rowStats?: boolean;
  /**
   * With `full` and causal: each map's S × S thumbnail of block maxima (`view('thumbs')`,
   * [batch·heads, S, S]), made by the thread that computed the map; 0 or absent: none.
   */
  thumbSide?: number;
}

/** Weights in torch's [out, in] layout; biases or null; out_proj absent for v2/causal. */
/** The tensors of a pass `view` reads (scores and weights [batch·heads, T, T], the rest [rows, d_out]). */
export type MhaTensor = 'q' | 'k' | 'v' | 'scores' | 'weights' | 'ctx' | 'out';
/** With `rowStats`: [batch·heads, T, 2], each row's entropy and mean key index; with `thumbSide`, the thumbnails. */
export type MhaStats = 'stats' | 'thumbs';

export interface MhaWeights {
  W_query: Float32Array;
  W_key: Float32Array;
  W_value: Float32Array;
  b_query: Float32Array | null;
  b_key: Float32Array | null;
  b_value: Float32Array | null;
  out_proj: { weight: Float32Array; bias: Float32Array | null } | null;
}

/** Equal in every field, an absent option counting as false (either side may lack it). */
function sameShape(a: MhaShape, b: MhaShape): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof MhaShape)[]);
  return [...keys].every((key) => (a[key] ?? false) === (b[key] ?? false));
}

export class KernelMha {
  private shape: MhaShape | null = null;
  private plan: Plan | null = null;
  private packed: MhaWeights | null = null;
  private raw = 0;
  /** Where the biases go; the plan says 0 for an absent one. */
  private biasAt = { bq: 0, bk: 0, bv: 0, bo: 0 };
  /** The layout's end: `forwardRows` keeps its packed keys and values after it. */
  private end = 0;
  /** Rows of the packed keys and values that match the keys and values now (`forwardRows`). */
  private packedRows = 0;

  constructor(private readonly team: Team) {}

  get threads(): number {
    return this.team.threads;
  }

  /**
   * Runs one pass; read the results with `view` before the next. `alone`: on this thread only
   * (else all threads, unless the pass is too small to be worth waking them).
   */
  forward(shape: MhaShape, weights: MhaWeights, x: Float32Array, alone = false): void {
    const plan = this.layout(shape, weights.out_proj !== null);
    if (this.packed !== weights) this.pack(plan, weights);
    this.packedRows = 0;
    this.f32(plan.x, x.length).set(x);
    const work = plan.rows * (plan.dIn + plan.t) * plan.dOut;
    this.team.run(plan, alone || work < SMALL_WORK);
  }

  /** A tensor of the last pass (a view into the shared memory: copy it to keep it). */
  view(name: MhaTensor | MhaStats): Float32Array {
    const p = this.plan as Plan;
    const s = this.shape as MhaShape;
    const rows = p.rows * p.dOut;
    const blocks = s.batch * s.heads * s.t * s.t;
    if (name === 'scores' && s.scoresInPlace) throw new Error('this layout keeps no scores');
    if (name === 'stats') {
      if (!p.stats) throw new Error('this layout keeps no row stats');
      return this.f32(p.stats, s.batch * s.heads * s.t * 2);
    }
    if (name === 'thumbs') {
      if (!p.thumbs) throw new Error('this layout keeps no thumbnails');
      return this.f32(p.thumbs, s.batch * s.heads * p.thumbSide * p.thumbSide);
    }
    const length = name === 'scores' || name === 'weights' ? blocks : rows;
    return this.f32(name === 'out' && !p.wo ? p.ctx : p[name], length);
  }

  /**
   * The memory a pass of `shape` will use, grown now and faulted in by the helper threads while
   * this one does other work (Team.prefault): the pass then writes to pages that already exist.
   */
  prefault(shape: MhaShape, outProj = true): void {
    this.team.prefault(layoutOf(shape, outProj, this.team.threads).reserve);
  }

  /**
   * Rows [from, T) of a causal pass with every head's weights kept (batch 1, `full`), `x` holding
   * those rows' inputs [T − from, d_in]: the rows before `from` are those of the last pass of this
   * shape and weights (`forward`, `forwardRows` or `restore`). Causal attention leaves them as
   * they were; the new rows attend over every key. On this thread alone: an edit's few rows cost
   * less than waking the helpers.
   */
  forwardRows(shape: MhaShape, weights: MhaWeights, x: Float32Array, from: number): void {
    const plan = this.plan;
    const holds = this.shape && plan && sameShape(this.shape, shape) && this.packed === weights;
    if (!holds || !shape.causal || !shape.full || shape.batch !== 1 || !(from >= 0))
      throw new Error('forwardRows: no earlier causal, full pass of this shape and weights');
    this.team.reserve(this.end + rowPackBytes(shape.t, plan.hd, shape.heads));
    this.f32(plan.x + from * plan.dIn * 4, x.length).set(x);
    runRows(this.team.ex, plan, from, this.end, Math.min(from, this.packedRows));
    this.packedRows = shape.t;
  }

  /**
   * Packs every head's keys and values of the last causal, full pass the way `forwardRows`
   * keeps them, so the first edit after a pass repacks only its own rows: run in idle time.
   * The memory does not grow (`layout` reserved the room), so views of the pass stay valid.
   */
  prepareRows(): void {
    const { plan, shape } = this;
    if (!plan || !shape?.causal || !shape.full || shape.batch !== 1) return;
    if (this.packedRows >= shape.t) return;
    this.team.reserve(this.end + rowPackBytes(shape.t, plan.hd, shape.heads));
    runRows(this.team.ex, plan, shape.t, this.end, this.packedRows);
    this.packedRows = shape.t;
  }

  /**
   * Lays out `shape` (batch 1, causal, `full`) and writes in the first `from` rows of a pass of
   * `prevT` tokens (another T's: a text that grew or shrank after them), so `forwardRows` can go
   * on from them. `prev` may be this instance's own views: it is copied out before the layout.
   * Row stats (`rowStats`) are not written in: those of rows before `from` stay unspecified.
   */
  restore(
    shape: MhaShape,
    weights: MhaWeights,
    prev: Record<MhaTensor, Float32Array>,
    prevT: number,
    from: number,
  ): void {
    const { t, heads, dOut } = shape;
    const rows = (a: Float32Array) => a.slice(0, from * dOut);
    const kept = { q: rows(prev.q), k: rows(prev.k), v: rows(prev.v), ctx: rows(prev.ctx) };
    const out = rows(prev.out);
    // Each head's rows i < from, keys j ≤ i: the lower triangle, packed row after row.
    const tri = (from * (from + 1)) / 2;
    const triangle = (a: Float32Array) => {
      const packed = new Float32Array(heads * tri);
      for (let h = 0, o = 0; h < heads; h++)
        for (let i = 0; i < from; i++) {
          const row = (h * prevT + i) * prevT;
          packed.set(a.subarray(row, row + i + 1), o);
          o += i + 1;
        }
      return packed;
    };
    const scores = shape.scoresInPlace ? new Float32Array(0) : triangle(prev.scores);
    const attn = triangle(prev.weights);
    const plan = this.layout(shape, weights.out_proj !== null);
    if (this.packed !== weights) this.pack(plan, weights);
    this.packedRows = 0;
    for (const [name, a] of Object.entries(kept))
      this.f32(plan[name as MhaTensor], a.length).set(a);
    this.f32(plan.wo ? plan.out : plan.ctx, out.length).set(out);
    const s = shape.scoresInPlace ? null : this.f32(plan.scores, heads * t * t);
    const w = this.f32(plan.weights, heads * t * t);
    for (let h = 0, o = 0; h < heads; h++)
      for (let i = 0; i < from; i++) {
        const row = (h * t + i) * t;
        s?.set(scores.subarray(o, o + i + 1), row);
        w.set(attn.subarray(o, o + i + 1), row);
        // Above the diagonal a weight is exactly 0 (the causal mask), as a whole pass leaves it.
        w.fill(0, row + i + 1, row + t);
        o += i + 1;
      }
    // The thumbnails: their pixel rows before `from`'s are the rows written in (those from
    // there on read rows not written yet, and `forwardRows` makes them again).
    if (plan.thumbs)
      for (let h = 0; h < heads; h++)
        this.team.ex.thumbnail(
          plan.weights + h * t * t * 4,
          t,
          plan.thumbSide,
          thumbOf(plan, h),
          0,
        );
  }

  private f32(offset: number, length: number): Float32Array {
    return new Float32Array(this.team.memory.buffer, offset, length);
  }

  private layout(shape: MhaShape, outProj: boolean): Plan {
    if (this.shape && this.plan && sameShape(this.shape, shape) && !!this.plan.wo === outProj)
      return this.plan;
    const { plan, raw, end, reserve } = layoutOf(shape, outProj, this.team.threads);
    this.raw = raw;
    this.end = end;
    this.biasAt = { bq: plan.bq, bk: plan.bk, bv: plan.bv, bo: plan.bo };
    this.team.reserve(reserve);
    this.shape = { ...shape };
    this.plan = plan;
    this.packed = null;
    return plan;
  }

  private pack(plan: Plan, w: MhaWeights): void {
    const packOne = (weight: Float32Array, inF: number, dst: number) => {
      this.f32(this.raw, weight.length).set(weight);
      this.team.ex.pack(this.raw, 1, inF, inF, plan.dOut, dst);
    };
    const bias = (b: Float32Array | null, dst: number) => {
      const padded = Math.ceil(plan.dOut / 8) * 8;
      const view = this.f32(dst, padded);
      view.fill(0);
      if (b) view.set(b);
      return b ? dst : 0;
    };
    packOne(w.W_query, plan.dIn, plan.wq);
    packOne(w.W_key, plan.dIn, plan.wk);
    packOne(w.W_value, plan.dIn, plan.wv);
    // A null bias is 0 in the plan, which the kernels read as "no bias".
    plan.bq = bias(w.b_query, this.biasAt.bq);
    plan.bk = bias(w.b_key, this.biasAt.bk);
    plan.bv = bias(w.b_value, this.biasAt.bv);
    if (w.out_proj && plan.wo) {
      packOne(w.out_proj.weight, plan.dOut, plan.wo);
      plan.bo = bias(w.out_proj.bias, this.biasAt.bo);
    }
    this.packed = w;
  }
}

/**
 * Where a pass of `shape` keeps its buffers: the plan, the room for unpacked weights (`raw`), the
 * layout's `end`, and the bytes to reserve — for a causal, full pass of batch 1 also the packed
 * keys and values `forwardRows` keeps after `end` (growing the memory at the first edit instead
 * cost that edit more than its own work).
 */
function layoutOf(
  shape: MhaShape,
  outProj: boolean,
  threads: number,
): { plan: Plan; raw: number; end: number; reserve: number } {
  const { batch, t, dIn, dOut, heads, full } = shape;
  const hd = dOut / heads;
  const rows = batch * t;
  let next = CTRL_BYTES;
  const take = (floats: number) => {
    const at = next;
    next += align(floats * 4);
    return at;
  };
  const panels = Math.ceil(dOut / 8) * 8;
  const blocks = full ? batch * heads * t * t : 0;
  const scratch = scratchBytes(t, hd, full);
  const plan: Plan = {
    rows,
    t,
    batch,
    dIn,
    dOut,
    heads,
    hd,
    causal: shape.causal ? 1 : 0,
    full: full ? 1 : 0,
    divBits: f32Bits(shape.scaled ? Math.sqrt(hd) : 1),
    x: take(rows * dIn),
    wq: take(panels * dIn),
    wk: take(panels * dIn),
    wv: take(panels * dIn),
    bq: take(panels),
    bk: take(panels),
    bv: take(panels),
    q: take(rows * dOut),
    k: take(rows * dOut),
    v: take(rows * dOut),
    scores: take(shape.scoresInPlace ? 0 : blocks),
    weights: take(blocks),
    scratch: take((scratch / 4) * threads),
    scratchBytes: scratch,
    ctx: take(rows * dOut),
    wo: outProj ? take(panels * dOut) : 0,
    bo: outProj ? take(panels) : 0,
    out: outProj ? take(rows * dOut) : 0,
    stats: shape.rowStats ? take(batch * heads * t * 2) : 0,
    thumbs: 0,
    thumbSide: 0,
  };
  const side = full && shape.causal ? (shape.thumbSide ?? 0) : 0;
  if (side > 0) {
    plan.thumbSide = side;
    plan.thumbs = take(batch * heads * side * side);
  }
  if (shape.scoresInPlace) plan.scores = plan.weights;
  const raw = take(Math.max(dIn, dOut) * dOut);
  const rowsAfter = shape.causal && full && batch === 1 ? rowPackBytes(t, hd, heads) : 0;
  return { plan, raw, end: next, reserve: next + rowsAfter };
}
