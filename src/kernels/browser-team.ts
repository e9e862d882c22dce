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
import { Team } from './team.ts';

function spawnWeb(init: HelperInit): Promise<{ terminate(): void }> {
  const worker = new Worker(new URL('./team-worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.addEventListener('message', () => resolve(worker), { once: true });
    worker.addEventListener('error', (e) => reject(new Error(e.message)), { once: true });
    worker.postMessage(init);
  });
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
): Promise<Team> {
  // Shared memory needs cross-origin isolation; without it, one thread on a plain memory.
  const shared = !!globalThis.crossOriginIsolated;
  return Team.start(await module, build, threads, threads > 1 ? spawnWeb : null, shared);
}
