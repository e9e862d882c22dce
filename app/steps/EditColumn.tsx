import { useId, useState } from 'react';
import type { StepDef } from '../../src/chapter/steps/index.ts';
import { Controls } from '../controls/Controls.tsx';
import { EmbeddingEditor } from '../editor/EmbeddingEditor.tsx';
import { PipelineDiagram } from '../pipeline/PipelineDiagram.tsx';

/**
 * What the learner edits: the step's settings and the embeddings. On wide screens a column that
 * stays in view while the panels beside it scroll; on narrow ones a drawer pinned to the top of
 * the window, which the learner can fold to one line to give the pictures the whole screen.
 */
export function EditColumn({ def, editor = true }: { def: StepDef; editor?: boolean }) {
  const [open, setOpen] = useState(true);
  const bodyId = useId();
  return (
    <div className={open ? 'edit-column' : 'edit-column folded'}>
      <button
        type="button"
        className="drawer-toggle"
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={() => setOpen(!open)}
      >
        {open ? 'Hide the inputs' : 'Show the inputs'}
      </button>
      <div id={bodyId} className="edit-body">
        {/* a custom body brings its own inputs (e.g. text) */}
        {editor && <EmbeddingEditor />}
        <Controls def={def} />
        <PipelineDiagram />
      </div>
    </div>
  );
}
