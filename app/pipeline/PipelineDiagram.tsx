import './pipeline.css';
import { useMemo, useState } from 'react';
import { nodeLabel, pipelineFor, sourcesOfPanel } from '../../src/chapter/pipeline.ts';
import { useLab } from '../store/index.ts';

/**
 * The step's pipeline as the engine runs it: one line per op of its graph, with live shapes.
 * Hovering or locking a heatmap cell lights the ops its tensor is computed from.
 */
export function PipelineDiagram() {
  // Beside the heatmaps (two columns) the list is open; on a phone it would fill the first
  // screen above the step's own settings, so it starts closed there.
  const [open, setOpen] = useState(
    () => window.matchMedia?.('(min-width: 1000px)').matches ?? true,
  );
  const view = useLab((s) => s.view);
  const focus = useLab((s) => s.hover ?? s.lock);
  const pipeline = useMemo(() => pipelineFor(view), [view]);
  const lit = useMemo(
    () => (pipeline && focus ? sourcesOfPanel(pipeline, focus.panel) : new Set<string>()),
    [pipeline, focus],
  );
  if (!pipeline) return null;
  const ops = pipeline.filter((n) => n.op !== 'param');
  return (
    <details className="pipeline" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>The pipeline ({ops.length} ops)</summary>
      <ol aria-label="pipeline">
        {ops.map((n) => (
          <li key={n.name} className={lit.has(n.name) ? 'lit' : undefined}>
            <span className="op">{n.op}</span> <code>{nodeLabel(n)}</code>
            {n.inputs.length > 0 && <span className="from"> ← {n.inputs.join(', ')}</span>}
          </li>
        ))}
      </ol>
    </details>
  );
}
