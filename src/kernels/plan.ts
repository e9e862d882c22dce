/**
 * Where one forward pass keeps its buffers in the shared memory, as int32 fields of a control
 * block, so every thread reads the same plan (byte offsets; sizes in elements).
 */
export const PLAN_FIELDS = [
  'rows', // batch × T
  't',
  'batch',
  'dIn',
  'dOut',
  'heads',
  'hd',
  'causal',
  'full', // 1: keep every head's scores and weights (the trace); 0: per-thread scratch
  'divBits', // √hd (or 1) as float32 bits
  'x',
  'wq',
  'wk',
  'wv',
  'bq',
  'bk',
  'bv',
  'q',
  'k',
  'v',
  'scores',
  'weights',
  'scratch', // per thread: kpack, vpack (and [T, T] scores when not `full`)
  'scratchBytes',
  'ctx',
  'wo', // 0: no out_proj (the output is ctx)
  'bo',
  'out',
  'stats', // 0, or [batch·heads, T, 2] float32: each row's entropy and mean key index
  'thumbs', // 0, or [batch·heads, S, S] float32: each map's thumbnail of block maxima
  'thumbSide', // S
] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];
export type Plan = Record<PlanField, number>;

/**
 * Int32 slots of the control block before the plan: the generation (bumped to wake the
 * helpers), the barrier's count and sense, stop, the passes started, and the byte the helpers
 * are to have faulted the memory in up to (Team.prefault).
 */
export const CTRL_GEN = 0;
export const CTRL_COUNT = 1;
export const CTRL_SENSE = 2;
export const CTRL_STOP = 3;
export const CTRL_PASS = 4;
export const CTRL_TOUCH_TO = 5;
export const CTRL_PLAN = 8;
/** Bytes reserved for the control block at the start of the memory. */
export const CTRL_BYTES = 256;

export function writePlan(ctrl: Int32Array, plan: Plan): void {
  PLAN_FIELDS.forEach((f, i) => {
    ctrl[CTRL_PLAN + i] = plan[f];
  });
}

export function readPlan(ctrl: Int32Array): Plan {
  const plan = {} as Plan;
  PLAN_FIELDS.forEach((f, i) => {
    plan[f] = ctrl[CTRL_PLAN + i];
  });
  return plan;
}

export function f32Bits(x: number): number {
  return new Int32Array(new Float32Array([x]).buffer)[0];
}

export function bitsF32(bits: number): number {
  return new Float32Array(new Int32Array([bits]).buffer)[0];
}
