/**
 * The machine's measured peak: the kernels' best matmul (x·Wᵀ with packed weights, register
 * tiles) on a square problem, timed as the projection phase of one pass: three N×N×N matmuls
 * split by rows over the team's threads. GFLOP/s of each runner are read against it.
 */
import { median } from '../bench/cases.ts';
import { benchConfig } from '../bench/inputs.ts';
import { drawModel } from '../engine/draws.ts';
import { KernelMha } from '../kernels/mha.ts';
import type { Team } from '../kernels/team.ts';
import { inputOf, mhaWeights, shapeOf } from '../kernels/trace.ts';

export const PEAK_N = 512;
const RUNS = 5;

export function measurePeak(team: Team): { gflops: number; how: string } {
  const c = { name: 'peak', T: PEAK_N, d_in: PEAK_N, d_out: PEAK_N, heads: 8 };
  const config = benchConfig(c);
  const mha = new KernelMha(team);
  const weights = mhaWeights(drawModel(config).params);
  const x = inputOf(config);
  const shape = shapeOf(config, false);
  mha.forward(shape, weights, x); // warm-up: packs the weights, grows the memory
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    mha.forward(shape, weights, x);
    ms.push(team.phaseMs[0]);
  }
  const gflops = (3 * 2 * PEAK_N ** 3) / median(ms) / 1e6;
  const build = team.build === 'relaxed' ? 'FMA' : 'plain SIMD';
  const threads = `${team.threads} thread${team.threads === 1 ? '' : 's'}`;
  const how = `three ${PEAK_N}×${PEAK_N}×${PEAK_N} matmuls on our kernels (${build}, ${threads}), median of ${RUNS} after a warm-up`;
  return { gflops, how };
}
