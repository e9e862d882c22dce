export {
  buildFastMhaGraph,
  type FastMhaSpec,
  type FastMhaWeights,
  fastMhaWeightNames,
} from './fast-graph.ts';
export { type AttentionGraphSpec, buildAttentionGraph, graphKey, graphSpecOf } from './graph.ts';
export { encodeModel, IR_VERSION, OPSET } from './onnx.ts';
export { createFastMha, type FastMha, type FastMhaOptions } from './run-fast.ts';
export { createOrtAttention, type OrtAttention, type OrtAttentionOptions } from './run-ort.ts';
export type { OrtModule } from './session-cache.ts';
