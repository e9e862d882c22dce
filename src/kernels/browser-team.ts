/**
 * Starts the kernels in a browser worker: the FMA build where relaxed SIMD validates, else the
 * plain one (served from our origin via Vite `?url`), with helper Web Workers on one shared
 * memory when the page is cross-origin isolated, else this thread alone on a plain memory.
 */
import plainUrl from './build/kernels-plain.wasm?url';
import plainSingleUrl from './build/kernels-plain-single.wasm?url';
import relaxedUrl from './build/kernels-relaxed.wasm?url';
import relaxedSingleUrl from './build/kernels-relaxed-single.wasm?url';
import { bestBuild, type KernelBuild } from './exports.ts';
import type { HelperInit } from './helper.ts';
import { type SpawnHelper, Team } from './team.ts';

/** A helper Web Worker, its script loading; a failure before anyone listened is kept. */
interface EarlyHelper {
  worker: Worker;
  failure: string | null;
}

function createHelper(): EarlyHelper {
  const worker = new Worker(new URL('./team-worker.ts', import.meta.url), { type: 'module' });
  const early: EarlyHelper = { worker, failure: null };
  worker.addEventListener('error', (e) => {
    early.failure ??= e.message || 'the helper thread did not start';
  });
  return early;
}

/** Hands a helper its share (the module, the memory) and resolves once it is ready. */
function startHelper(helper: EarlyHelper, init: HelperInit): Promise<{ terminate(): void }> {
  const { worker, failure } = helper;
  if (failure !== null) return Promise.reject(new Error(failure));
  return new Promise((resolve, reject) => {
    worker.addEventListener('message', () => resolve(worker), { once: true });
    worker.addEventListener('error', (e) => reject(new Error(e.message)), { once: true });
    worker.postMessage(init);
  });
}

const spawnWeb: SpawnHelper = (init) => startHelper(createHelper(), init);

/**
 * Helper threads created now, ahead of the module they will run: a Web Worker took ~0.4 s to
 * start on the developers' machine, so a worker that will start the kernels creates them before
 * compiling. Returns the spawn for `startBrowserTeam`: these helpers first, then new ones.
 */
export function prestartHelpers(count = threadCount() - 1): SpawnHelper {
  const early = Array.from({ length: Math.max(0, count) }, createHelper);
  return (init) => startHelper(early.shift() ?? createHelper(), init);
}

/** Threads to use: all cores when isolated (shared memory works), else 1. */
export function threadCount(): number {
  return globalThis.crossOriginIsolated ? Math.max(1, navigator.hardwareConcurrency || 1) : 1;
}

/**
 * The kernels' module for this page (the build's file for a shared or a plain memory), its bytes
 * streamed into the compiler as they arrive — on the calling thread's turns: a thread that then
 * computes for a while holds the compile up, so a caller with long work ahead awaits this first.
 */
export function compileKernels(build: KernelBuild = bestBuild()): Promise<WebAssembly.Module> {
  const shared = !!globalThis.crossOriginIsolated;
  const urls = shared ? [relaxedUrl, plainUrl] : [relaxedSingleUrl, plainSingleUrl];
  return WebAssembly.compileStreaming(fetch(build === 'relaxed' ? urls[0] : urls[1]));
}

export async function startBrowserTeam(
  threads = threadCount(),
  build: KernelBuild = bestBuild(),
  module: Promise<WebAssembly.Module> = compileKernels(build),
  spawn: SpawnHelper = spawnWeb,
): Promise<Team> {
  // Shared memory needs cross-origin isolation; without it, one thread on a plain memory.
  const shared = !!globalThis.crossOriginIsolated;
  return Team.start(await module, build, threads, threads > 1 ? spawn : null, shared);
}
