/**
 * The runners of the race, in the order the page lists them: the chapter's classes written in
 * TypeScript, the reference engine, ONNX Runtime Web and our WebAssembly kernels.
 */
export const IMPL_IDS = [
  'wrapper',
  'weight-split',
  'combined-qkv',
  'einsum',
  'reference',
  'ort-wasm',
  'ort-webgpu',
  'kernel-fma-n',
  'kernel-fma-1',
  'kernel-plain-n',
  'kernel-plain-1',
] as const;
export type ImplId = (typeof IMPL_IDS)[number];

export const IMPL_LABELS: Record<ImplId, string> = {
  wrapper: 'MultiHeadAttentionWrapper (stacked CausalAttention)',
  'weight-split': 'MultiHeadAttention (weight split)',
  'combined-qkv': 'Combined QKV (one W_qkv matmul)',
  einsum: 'Einsum loop nest',
  reference: 'Reference engine',
  'ort-wasm': 'ONNX Runtime Web, WASM',
  'ort-webgpu': 'ONNX Runtime Web, WebGPU',
  'kernel-fma-n': 'Our kernels, FMA, all threads',
  'kernel-fma-1': 'Our kernels, FMA, 1 thread',
  'kernel-plain-n': 'Our kernels, plain SIMD, all threads',
  'kernel-plain-1': 'Our kernels, plain SIMD, 1 thread',
};

/** Short names for the chart's legend and the copied table. */
export const IMPL_SHORT: Record<ImplId, string> = {
  wrapper: 'wrapper',
  'weight-split': 'weight split',
  'combined-qkv': 'combined QKV',
  einsum: 'einsum loops',
  reference: 'reference',
  'ort-wasm': 'ORT wasm',
  'ort-webgpu': 'ORT webgpu',
  'kernel-fma-n': 'kernels FMA ×N',
  'kernel-fma-1': 'kernels FMA ×1',
  'kernel-plain-n': 'kernels plain ×N',
  'kernel-plain-1': 'kernels plain ×1',
};

export function isImplId(x: unknown): x is ImplId {
  return (IMPL_IDS as readonly unknown[]).includes(x);
}

/** Which kernel build and thread count an id names, or null for the other runners. */
export function kernelOf(id: ImplId): { build: 'relaxed' | 'plain'; all: boolean } | null {
  const m = /^kernel-(fma|plain)-(n|1)$/.exec(id);
  return m ? { build: m[1] === 'fma' ? 'relaxed' : 'plain', all: m[2] === 'n' } : null;
}
