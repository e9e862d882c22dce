/**
 * The backends that can compute a trace, in the order a forced backend falls back in: WebGPU,
 * our WASM SIMD kernels, ORT's WASM, the reference engine. `auto` does not follow it: it answers
 * with the fastest measured (see SpeedLog). The one list of backends: the worker protocol, the
 * manager, the permalink schema and the badge's menu all read it.
 */
export const BACKENDS = ['webgpu', 'kernel', 'wasm', 'reference'] as const;
export type BackendName = (typeof BACKENDS)[number];

/** What the learner can pick: a backend, or `auto` (the fastest measured at this size). */
export const BACKEND_CHOICES = ['auto', ...BACKENDS] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];
