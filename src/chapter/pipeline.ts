/**
 * The step's computation as a diagram: the engine's graph for the step's main config (one
 * description per variant, src/engine/graph), and which of its nodes a hovered or locked panel's
 * tensor is computed from. The page only draws this.
 */
import { describePipeline, type PipelineNode, sourcesOf } from '../engine/index.ts';
import { resolveConfig } from '../engine/resolve-config.ts';
import { configsFor } from './steps/index.ts';
import type { ViewState } from './view.ts';

export type { PipelineNode } from '../engine/index.ts';

/** The graph of the step's main engine request, or null when the step asks for none. */
export function pipelineFor(view: ViewState): PipelineNode[] | null {
  const [main] = configsFor(view);
  if (!main) return null;
  try {
    return describePipeline(resolveConfig(main));
  } catch {
    return null; // a refused config: the page already says why beside the field
  }
}

/**
 * The nodes a panel's tensor comes from. Panel ids start with the trace tensor they show
 * (`attn_weights.h2`, `context.b1`); panels of derived numbers match no node and light nothing.
 */
export function sourcesOfPanel(pipeline: readonly PipelineNode[], panelId: string): Set<string> {
  const tensor = panelId.split('.')[0];
  const node = pipeline.find((n) => n.tensor === tensor || n.name === tensor);
  return node ? sourcesOf(pipeline, node.name) : new Set();
}

/** "attn_scores [1, 2, 6, 6]". */
export function nodeLabel(node: PipelineNode): string {
  return `${node.name} [${node.shape.join(', ')}]`;
}
