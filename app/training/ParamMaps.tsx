import { memo } from 'react';
import { useStore } from 'zustand';
import type { StepRecord } from '../../src/engine/train/session.ts';
import { MatrixView } from './MatrixView.tsx';
import { usePacedOnScreen } from './pacing.ts';
import { shownRecord, type TrainingStore } from './training-store.ts';

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

/**
 * W_query, W_key, W_value and their gradients at the step shown, diverging around 0. Paced: they
 * catch up a few times a second while playing, and not at all while scrolled out of sight.
 */
export function ParamMaps({
  store,
  inputs,
  frozen,
  onHoverGrad,
  playing,
}: {
  store: TrainingStore;
  playing: boolean;
  inputs: readonly string[];
  frozen: readonly string[];
  /** A cell of ∂loss/∂W_query hovered: the page spells its gradient out. */
  onHoverGrad?(cell: { row: number; col: number } | null): void;
}) {
  const record = useStore(store, shownRecord);
  const [drawn, ref] = usePacedOnScreen<StepRecord | null, HTMLDivElement>(record, playing);
  return (
    <div className="param-maps" ref={ref}>
      {drawn &&
        NAMES.map((name) => (
          <ParamPair
            key={name}
            name={name}
            weight={drawn.params[name]}
            grad={drawn.grads[name]}
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
  onHoverGrad?(cell: { row: number; col: number } | null): void;
}) {
  const { name, weight, grad, inputs, fixed, onHoverGrad } = props;
  const cols = outputCols(weight.length / inputs.length);
  const shared = {
    rows: inputs,
    cols,
    kind: 'params',
    rowTitle: 'inputs',
    colTitle: 'outputs',
    corner: 'input',
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
