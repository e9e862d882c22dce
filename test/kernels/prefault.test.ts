import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/engine/resolve-config.ts';
import { KernelMha } from '../../src/kernels/mha.ts';
import type { Team } from '../../src/kernels/team.ts';
import { kernelTrace } from '../../src/kernels/trace.ts';
import { nodeTeam } from './node-team.ts';

const MB = 1 << 20;

/** A causal MHA the size of a few of the GPT-2 step's heads, with biases. */
const config = resolveConfig({
  variant: 'mha',
  embeddings: Array.from({ length: 90 }, (_, i) =>
    Array.from({ length: 64 }, (_, j) => Math.sin(i * 0.41 + j * 0.7)),
  ),
  d_out: 64,
  num_heads: 4,
  causal: true,
  qkv_bias: true,
});

describe('Team.prefault: the helpers fault the memory in ahead of a pass', () => {
  const teams: Team[] = [];
  const start = async (threads: number) => {
    const team = await nodeTeam('plain', threads);
    teams.push(team);
    return team;
  };
  afterEach(() => {
    for (const t of teams.splice(0)) t.stop();
  });

  it('grows the memory at once and changes no byte already in it', async () => {
    const team = await start(2);
    team.reserve(8 * MB);
    // A pattern where a pass will not write (past the small layout below), inside what the
    // helper is about to touch.
    const pattern = new Uint8Array(team.memory.buffer, 6 * MB, MB);
    for (let i = 0; i < pattern.length; i++) pattern[i] = (i * 31 + 7) & 255;
    team.prefault(40 * MB);
    expect(team.memory.buffer.byteLength).toBeGreaterThanOrEqual(40 * MB);
    // A pass meets the helper at a barrier, so the helper's touching is over after it.
    const mha = new KernelMha(team);
    kernelTrace(mha, config);
    const after = new Uint8Array(team.memory.buffer, 6 * MB, MB);
    let changed = 0;
    for (let i = 0; i < after.length; i++) if (after[i] !== ((i * 31 + 7) & 255)) changed++;
    expect(changed).toBe(0);
  });

  it('a pass started while the helper is still touching gives the same numbers, bit for bit', async () => {
    const plainTeam = await start(2);
    const want = kernelTrace(new KernelMha(plainTeam), config);
    const team = await start(2);
    const mha = new KernelMha(team);
    team.prefault(64 * MB);
    const got = kernelTrace(mha, config);
    expect(Array.from(got.output.data)).toEqual(Array.from(want.output.data));
    expect(Array.from(got.attn_weights.data)).toEqual(Array.from(want.attn_weights.data));
    // And the passes after it.
    team.prefault(96 * MB);
    const again = kernelTrace(mha, config);
    expect(Array.from(again.context.data)).toEqual(Array.from(want.context.data));
  });

  it('on one thread only grows the memory (no helper to touch it), and passes still run', async () => {
    const team = await start(1);
    team.prefault(24 * MB);
    expect(team.memory.buffer.byteLength).toBeGreaterThanOrEqual(24 * MB);
    const got = kernelTrace(new KernelMha(team), config);
    expect(got.output.data.length).toBe(90 * 64);
  });
});

describe('KernelMha.prefault reserves exactly what the pass of that shape lays out', () => {
  it('a forward after prefault(shape) does not grow the memory again', async () => {
    const team = await nodeTeam('plain', 2);
    try {
      const mha = new KernelMha(team);
      const shape = {
        batch: 1,
        t: 200,
        dIn: 96,
        dOut: 96,
        heads: 3,
        causal: true,
        scaled: true,
        full: true,
      };
      mha.prefault(shape);
      const bytes = team.memory.buffer.byteLength;
      expect(bytes).toBeGreaterThan(3 * 200 * 200 * 4 * 2);
      const w = new Float32Array(96 * 96).fill(0.01);
      const weights = {
        W_query: w,
        W_key: w,
        W_value: w,
        b_query: null,
        b_key: null,
        b_value: null,
        out_proj: { weight: w, bias: null },
      };
      mha.forward(shape, weights, new Float32Array(200 * 96).fill(0.5));
      // The edit path's packed keys and values too: prefault reserved them.
      mha.forwardRows(shape, weights, new Float32Array(96).fill(0.25), 199);
      expect(team.memory.buffer.byteLength).toBe(bytes);
    } finally {
      team.stop();
    }
  });
});
