/**
 * Loads onnxruntime-web in a worker with its runtime files served from our own origin (Vite
 * `?url`: no CDN, works offline). The thread count is fixed by the first session ORT creates.
 */
import mjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.jsep.mjs?url';
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.jsep.wasm?url';
import type { OrtModule } from './session-cache.ts';

export async function loadOrt(threads: number): Promise<OrtModule> {
  const ort = (await import('onnxruntime-web')) as unknown as OrtModule;
  // Standalone runtime files: otherwise ORT's thread workers load Vite's chunk and hang.
  ort.env.wasm.wasmPaths = { mjs: mjsUrl, wasm: wasmUrl };
  ort.env.wasm.numThreads = threads;
  ort.env.logLevel = 'error';
  return ort;
}

/** A GPU adapter, or the reason there is none. */
export async function webgpuAdapter(): Promise<GPUAdapter | string> {
  if (!('gpu' in navigator) || !navigator.gpu)
    return 'this browser has no navigator.gpu (WebGPU off)';
  try {
    const adapter = await navigator.gpu.requestAdapter();
    return adapter ?? 'no adapter (navigator.gpu.requestAdapter() returned null)';
  } catch (e) {
    return `requestAdapter() failed: ${(e as Error).message}`;
  }
}
