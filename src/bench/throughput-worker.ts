/// <reference lib="webworker" />
/**
 * Times forward passes inside a worker, as the app computes them: the reference engine (the full
 * trace), ONNX Runtime's fast causal graph (output only) on WASM or WebGPU, or our kernels
 * (output only, with per-phase times). The thread count
 * is fixed when ORT first initialises, so the runner uses one page per thread count.
 */

import { drawModel } from '../engine/draws.ts';
import { loadOrt } from '../engine/ort/load.ts';
import { createFastMha } from '../engine/ort/run-fast.ts';
import type { OrtModule } from '../engine/ort/session-cache.ts';
import { forward } from '../engine/run.ts';
import { startBrowserTeam } from '../kernels/browser-team.ts';
import type { KernelBuild } from '../kernels/exports.ts';
import { KernelMha } from '../kernels/mha.ts';
import { inputOf, mhaWeights, shapeOf } from '../kernels/trace.ts';
import { type BenchCase, median } from './cases.ts';
import { benchConfig } from './inputs.ts';

declare const self: DedicatedWorkerGlobalScope;

export interface ThroughputRequest {
  backend: 'reference' | 'wasm' | 'webgpu' | 'kernel';
  threads: number;
  /** The kernels' build: FMA (relaxed SIMD) or plain SIMD. */
  build?: KernelBuild;
  cases: BenchCase[];
  runs: number;
  warmup: number;
}

export interface ThroughputResult {
  case: string;
  median_ms: number;
  runs: number;
  /** Largest |difference| from the reference engine's output (checks the timed thing is right). */
  max_abs_diff: number;
  adapter?: string;
  /** The kernels' phases (median ms): projections, attention, out_proj. */
  phases_ms?: number[];
}

async function timeCase(
  req: ThroughputRequest,
  c: BenchCase,
  ort: OrtModule | null,
): Promise<ThroughputResult> {
  const config = benchConfig(c);
  const expected = forward(config).output.data;
  let once: () => Promise<Float32Array>;
  let release = async () => {};
  let phases: number[][] | null = null;
  if (req.backend === 'kernel') {
    const team = await startBrowserTeam(req.threads, req.build);
    const mha = new KernelMha(team);
    const weights = mhaWeights(drawModel(config).params);
    const x = inputOf(config);
    const shape = shapeOf(config, false);
    phases = [];
    const times = phases;
    once = async () => {
      mha.forward(shape, weights, x);
      times.push(team.phaseMs);
      return mha.view('out').slice();
    };
    release = async () => team.stop();
  } else if (req.backend === 'reference' || !ort) {
    once = async () => forward(config).output.data;
  } else {
    const spec = { T: c.T, d_in: c.d_in, d_out: c.d_out, heads: c.heads, causal: true };
    const fast = await createFastMha(ort, spec, { executionProviders: [req.backend] });
    const weights = drawModel(config).params.named;
    const x = Float32Array.from(config.embeddings.flat());
    once = () => fast.run(x, weights);
    release = () => fast.release();
  }
  let got: Float32Array = new Float32Array();
  for (let i = 0; i < req.warmup; i++) got = await once();
  phases?.splice(0);
  const times: number[] = [];
  for (let i = 0; i < req.runs; i++) {
    const start = performance.now();
    got = await once();
    times.push(performance.now() - start);
  }
  await release();
  let maxAbs = 0;
  for (let i = 0; i < expected.length; i++)
    maxAbs = Math.max(maxAbs, Math.abs(got[i] - expected[i]));
  const phases_ms = phases?.[0]?.map((_, i) => median((phases as number[][]).map((p) => p[i])));
  return {
    case: c.name,
    median_ms: median(times),
    runs: times.length,
    max_abs_diff: maxAbs,
    ...(phases_ms ? { phases_ms } : {}),
  };
}

async function adapterName(): Promise<string> {
  const adapter = await navigator.gpu?.requestAdapter();
  if (!adapter) return 'none';
  const { vendor, architecture, description } = adapter.info;
  const name = [vendor, architecture, description].filter(Boolean).join(' ') || 'unknown';
  return adapter.info.isFallbackAdapter ? `${name} (fallback adapter: CPU emulation)` : name;
}

self.addEventListener('message', async (event: MessageEvent<ThroughputRequest>) => {
  const req = event.data;
  try {
    const ort =
      req.backend === 'reference' || req.backend === 'kernel' ? null : await loadOrt(req.threads);
    const adapter = req.backend === 'webgpu' ? await adapterName() : undefined;
    const results: ThroughputResult[] = [];
    for (const c of req.cases) results.push({ ...(await timeCase(req, c, ort)), adapter });
    self.postMessage({ ok: true, results });
  } catch (e) {
    self.postMessage({ ok: false, error: (e as Error).message });
  }
});
