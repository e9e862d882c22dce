/**
 * The backends that can compute a trace, in the default order: WebGPU, else WASM, else the
 * reference engine. Fallbacks follow this order, and `auto` tries backends in it before it has
 * measured them (see SpeedLog). The one list of backends: the worker protocol, the manager, the
 * permalink schema and the badge's menu all read it.
 */
export const BACKENDS = ['webgpu', 'wasm', 'reference'] as const;
export type BackendName = (typeof BACKENDS)[number];

/** What the learner can pick: a backend, or `auto` (the fastest measured at this size). */
export const BACKEND_CHOICES = ['auto', ...BACKENDS] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];
