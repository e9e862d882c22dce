/** The badge's sentence in a learner's words: who computed the numbers, how fast. */
import { BACKENDS, type BackendName } from '../../src/engine/backends/choice.ts';

export function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/** A backend as a learner would name it; the engine's own label carries the details. */
export function engineName(backend: BackendName, label: string): string {
  if (backend === 'reference') return 'the reference TypeScript engine';
  if (backend === 'wasm') return 'ONNX Runtime on WASM';
  // e.g. "our WASM SIMD kernels (FMA), 2 threads": which build and how many threads.
  if (backend === 'kernel') return `our ${label}`;
  return /emulation/i.test(label)
    ? 'ONNX Runtime on WebGPU (emulated on the CPU)'
    : 'ONNX Runtime on WebGPU';
}

const SHORT: Record<BackendName, string> = {
  reference: 'The TypeScript engine',
  kernel: 'Our WASM SIMD kernels',
  wasm: 'WASM',
  webgpu: 'WebGPU',
};

/** "computed in 0.3 ms by the reference TypeScript engine". */
export function computedBy(backend: BackendName, label: string, ms: number): string {
  return `computed in ${formatMs(ms)} by ${engineName(backend, label)}`;
}

/** "WebGPU and WASM give the same numbers", for the other backends that can run here. */
export function sameNumbers(backend: BackendName, available: readonly BackendName[]): string {
  const others = BACKENDS.filter((b) => b !== backend && available.includes(b));
  if (others.length === 0) return 'No other backend is ready yet to compare with.';
  const names = others.map((b) => SHORT[b]);
  return `${names.join(' and ')} ${others.length === 1 ? 'gives' : 'give'} the same numbers (to float32 rounding).`;
}
