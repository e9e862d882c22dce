export {
  BACKEND_CHOICES,
  BACKENDS,
  type BackendChoice,
  type BackendName,
} from './backends/choice.ts';
export * from './config.ts';
export { ConfigError } from './config-error.ts';
export { type Draws, drawModel } from './draws.ts';
export { describePipeline, type PipelineNode, sourcesOf } from './graph/describe.ts';
export type { Graph, GraphNode, OpName } from './graph/ir.ts';
export { LIMITS } from './limits.ts';
export { drawParams, type ModelParams } from './params.ts';
export { pythonJson } from './python-json.ts';
export { resolveConfig } from './resolve-config.ts';
export { type ForwardOptions, forward, runAttention } from './run.ts';
export { wrapperAsMha } from './share-weights.ts';
export type { Trace, TraceTensorName } from './trace.ts';
export { TRACE_TENSORS } from './trace.ts';
export { traceToJson } from './trace-json.ts';
export { headShape, VARIANT_SPECS, type VariantSpec } from './variants.ts';
