/**
 * The runners that need a browser worker: ONNX Runtime Web (WASM, WebGPU) and our kernels
 * (a build, one or all threads), plus which of them can run here and why not.
 */
import { benchConfig } from '../bench/inputs.ts';
import { drawModel } from '../engine/draws.ts';
import { loadOrt, webgpuAdapter } from '../engine/ort/load.ts';
import { createFastMha } from '../engine/ort/run-fast.ts';
import type { OrtModule } from '../engine/ort/session-cache.ts';
import { startBrowserTeam, threadCount } from '../kernels/browser-team.ts';
import { relaxedSimdSupported } from '../kernels/exports.ts';
import { KernelMha } from '../kernels/mha.ts';
import { inputOf, mhaWeights, shapeOf } from '../kernels/trace.ts';
import { IMPL_IDS, type ImplId, kernelOf } from './implementations.ts';
import type { Availability } from './protocol.ts';
import { type MakeRunner, makeLocalRunner } from './runners.ts';

export async function availability(): Promise<Availability> {
  const threads = threadCount();
  const adapter = await webgpuAdapter();
  const reasons = {} as Record<ImplId, string | null>;
  for (const id of IMPL_IDS) reasons[id] = null;
  if (typeof adapter === 'string') reasons['ort-webgpu'] = adapter;
  else if (adapter.info?.isFallbackAdapter)
    reasons['ort-webgpu'] = 'the only WebGPU adapter here emulates a GPU on the CPU';
  const relaxed = relaxedSimdSupported();
  for (const id of IMPL_IDS) {
    const k = kernelOf(id);
    if (!k) continue;
    if (k.build === 'relaxed' && !relaxed)
      reasons[id] = 'this browser’s WebAssembly has no relaxed SIMD (fused multiply-add)';
    else if (k.all && !globalThis.crossOriginIsolated)
      reasons[id] =
        'the page is not cross-origin isolated, so there is no shared memory for threads';
    else if (k.all && threads < 2) reasons[id] = 'this machine reports one core';
  }
  return { kind: 'available', reasons, threads };
}

let ort: Promise<OrtModule> | null = null;

export const makeBrowserRunner: MakeRunner = async (id, c) => {
  const k = kernelOf(id);
  const config = benchConfig(c);
  if (k) {
    const team = await startBrowserTeam(k.all ? threadCount() : 1, k.build);
    const mha = new KernelMha(team);
    const weights = mhaWeights(drawModel(config).params);
    const x = inputOf(config);
    const shape = shapeOf(config, false);
    return {
      run: async () => {
        mha.forward(shape, weights, x);
        return mha.view('out').slice();
      },
      release: async () => team.stop(),
    };
  }
  if (id === 'ort-wasm' || id === 'ort-webgpu') {
    ort ??= loadOrt(threadCount());
    const spec = { T: c.T, d_in: c.d_in, d_out: c.d_out, heads: c.heads, causal: true };
    const provider = id === 'ort-wasm' ? 'wasm' : 'webgpu';
    const fast = await createFastMha(await ort, spec, { executionProviders: [provider] });
    const weights = drawModel(config).params.named;
    const x = inputOf(config);
    return { run: () => fast.run(x, weights), release: () => fast.release() };
  }
  return makeLocalRunner(id, c);
};
