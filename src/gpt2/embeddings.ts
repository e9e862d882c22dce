import { normalBlock16, TorchGenerator, type WasmDraws } from '../rng/index.ts';
import { SeekableStream } from './seekable-stream.ts';
import { EMB_DIM, MHA_START, POS_EMB_START, TOKEN_EMB_START } from './sizes.ts';

const TWO_POW_MINUS_24 = 2 ** -24;

/** One nn.Linear as the layer uses it: weight in torch's [out_features, in_features] layout. */
export interface Projection {
  weight: Float32Array;
  bias: Float32Array | null;
  inFeatures: number;
  outFeatures: number;
}

/** The chapter's MultiHeadAttention(768, 768, …, qkv_bias=False) weights, torch's [out, in] layout. */
export interface MhaWeights {
  W_query: Projection;
  W_key: Projection;
  W_value: Projection;
  out_proj: Projection;
}

/**
 * What `torch.manual_seed(seed)`, `nn.Embedding(50257, 768)`, `nn.Embedding(1024, 768)` and
 * `MultiHeadAttention(768, 768, context_length=1024, dropout=0.0, num_heads=12)` hold, computed
 * lazily: normal_ transforms each block of 16 uniforms on its own, and a 768-wide row is 48 whole
 * blocks, so a row needs only its own 768 draws — not the 38.6 M before it.
 */
export class Gpt2Weights {
  private readonly stream: SeekableStream;
  private readonly tokenRows = new Map<number, Float32Array>();
  private positions = new Float32Array(0);
  private mha: MhaWeights | null = null;

  /**
   * `draws`, where given, makes every draw in WebAssembly (the step's worker): the 62 K twists of
   * the seek to the position table, the normals and the layer's uniforms. The same bits.
   */
  constructor(
    readonly seed: number,
    private readonly draws?: WasmDraws,
  ) {
    this.stream = new SeekableStream(seed, draws?.twister);
  }

  /** Row `id` of the token embedding table (`tok_emb.weight[id]`). */
  tokenRow(id: number): Float32Array {
    let row = this.tokenRows.get(id);
    if (!row) {
      row = this.normalRun(TOKEN_EMB_START + id * EMB_DIM, EMB_DIM);
      this.tokenRows.set(id, row);
    }
    return row;
  }

  /** Rows 0 … count−1 of the position embedding table, [count, 768]. */
  positionRows(count: number): Float32Array {
    if (this.positions.length < count * EMB_DIM) {
      const have = this.positions.length;
      const more = this.normalRun(POS_EMB_START + have, count * EMB_DIM - have);
      const all = new Float32Array(count * EMB_DIM);
      all.set(this.positions);
      all.set(more, have);
      this.positions = all;
    }
    return this.positions.subarray(0, count * EMB_DIM);
  }

  /** W_query, W_key, W_value (no bias), then out_proj with bias: the draws after both tables. */
  attention(): MhaWeights {
    if (!this.mha) {
      const mt = this.stream.at(MHA_START);
      const gen = new TorchGenerator(this.seed);
      gen.restore(mt.snapshot());
      const draws = this.draws;
      const proj = (bias: boolean): Projection => ({
        ...(draws ? draws.linear(mt, EMB_DIM, EMB_DIM, bias) : gen.linear(EMB_DIM, EMB_DIM, bias)),
        inFeatures: EMB_DIM,
        outFeatures: EMB_DIM,
      });
      const W_query = proj(false);
      const W_key = proj(false);
      const W_value = proj(false);
      this.mha = { W_query, W_key, W_value, out_proj: proj(true) };
    }
    return this.mha;
  }

  /**
   * token_emb(ids) + pos_emb(arange(T)), [T, 768]: the layer's input, as chapters 2 and 4 make
   * it; with `from`, only its rows from there on, [T − from, 768].
   */
  input(ids: readonly number[], from = 0): Float32Array {
    const t = ids.length;
    const pos = this.positionRows(t);
    const x = new Float32Array((t - from) * EMB_DIM);
    for (let i = from; i < t; i++) {
      const row = this.tokenRow(ids[i]);
      const o = (i - from) * EMB_DIM;
      const p = i * EMB_DIM;
      for (let d = 0; d < EMB_DIM; d++) x[o + d] = row[d] + pos[p + d];
    }
    return x;
  }

  /** `count` values (a multiple of 16, block-aligned) of a normal_(0, 1) run starting at a draw. */
  private normalRun(start: number, count: number): Float32Array {
    const mt = this.stream.at(start);
    if (this.draws) return this.draws.normal(mt, count);
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++) out[i] = (mt.nextU32() & 0xffffff) * TWO_POW_MINUS_24;
    for (let i = 0; i < count; i += 16) normalBlock16(out, i, 0, 1);
    return out;
  }
}
