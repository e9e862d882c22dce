import { memo } from 'react';
import type { StepRecord } from '../../src/engine/train/session.ts';
import { MatrixView } from './MatrixView.tsx';
import { useHeldOffScreen } from './pacing.ts';

const NAMES = ['W_query', 'W_key', 'W_value'] as const;
type ParamName = (typeof NAMES)[number];

/** Column labels d1…dn, one list per width, so memoised views see the same array each frame. */
const colsByWidth = new Map<number, string[]>();
function outputCols(width: number): string[] {
  let cols = colsByWidth.get(width);
  if (!cols) {
    cols = Array.from({ length: width }, (_, i) => `d${i + 1}`);
    colsByWidth.set(width, cols);
  }
  return cols;
}

/** W_query, W_key, W_value and their gradients at the step shown, diverging around 0. */
export function ParamMaps({
  record,
  inputs,
  frozen,
  onHoverGrad,
  playing,
}: {
  record: StepRecord;
  playing: boolean;
  inputs: readonly string[];
  frozen: readonly string[];
  /** A cell of ∂loss/∂W_query hovered: the page spells its gradient out. */
  onHoverGrad?(cell: { row: number; col: number } | null): void;
}) {
  // Scrolled out of sight while playing, the maps keep their last step (caught up when seen).
  const [drawn, ref] = useHeldOffScreen<StepRecord, HTMLDivElement>(record, playing);
  return (
    <div className="param-maps" ref={ref}>
      {NAMES.map((name) => (
        <ParamPair
          key={name}
          name={name}
          weight={drawn.params[name]}
          grad={drawn.grads[name]}
          playing={playing}
          inputs={inputs}
          fixed={frozen.includes(name)}
          onHoverGrad={name === 'W_query' ? onHoverGrad : undefined}
        />
      ))}
    </div>
  );
}

const ParamPair = memo(function ParamPair(props: {
  name: ParamName;
  weight: Float32Array;
  grad: Float32Array;
  inputs: readonly string[];
  fixed: boolean;
  playing: boolean;
  onHoverGrad?(cell: { row: number; col: number } | null): void;
}) {
  const { name, weight, grad, inputs, fixed, playing, onHoverGrad } = props;
  const cols = outputCols(weight.length / inputs.length);
  const shared = {
    rows: inputs,
    cols,
    kind: 'params',
    rowTitle: 'inputs',
    colTitle: 'outputs',
    corner: 'input',
    playing,
  } as const;
  return (
    <figure className="param-pair">
      <figcaption>
        {name}
        {fixed ? ' (fixed)' : ''}
      </figcaption>
      <MatrixView {...shared} values={weight} label={name} />
      <MatrixView {...shared} values={grad} label={`∂loss/∂${name}`} onHover={onHoverGrad} />
    </figure>
  );
});
