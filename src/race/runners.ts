/**
 * A runner per implementation at one size: built once (weights drawn, packed or baked into a
 * session), then run for timing. The TypeScript classes and the reference engine run anywhere;
 * ONNX Runtime and the kernels need the browser worker (src/race/browser-runners.ts).
 */
import type { BenchCase } from '../bench/cases.ts';
import { benchConfig } from '../bench/inputs.ts';
import { drawModel } from '../engine/draws.ts';
import { forward } from '../engine/run.ts';
import { inputOf, mhaWeights } from '../kernels/trace.ts';
import type { ImplId } from './implementations.ts';
import { TORCH_CLASSES } from './torch/index.ts';

export interface Runner {
  run(): Promise<Float32Array>;
  release(): Promise<void>;
}

export type MakeRunner = (id: ImplId, c: BenchCase) => Promise<Runner>;

/** The runners every environment has: the chapter's classes and the reference engine. */
export const makeLocalRunner: MakeRunner = async (id, c) => {
  const config = benchConfig(c);
  const release = async () => {};
  if (id === 'reference') return { run: async () => forward(config).output.data, release };
  if (!(id in TORCH_CLASSES)) throw new Error(`${id} runs only in the browser`);
  const make = TORCH_CLASSES[id as keyof typeof TORCH_CLASSES];
  const shape = { batch: 1, t: c.T, dIn: c.d_in, dOut: c.d_out, heads: c.heads };
  const pass = make(shape, mhaWeights(drawModel(config).params));
  const x = inputOf(config);
  return { run: async () => pass(x), release };
};
