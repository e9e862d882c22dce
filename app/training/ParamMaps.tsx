import { memo, useRef } from 'react';
import { useStore } from 'zustand';
import { MatrixView } from './MatrixView.tsx';
import { useOnScreen, usePaced } from './pacing.ts';
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
  const ref = useRef<HTMLDivElement>(null);
  const hold = !useOnScreen(ref);
  return (
    <div className="param-maps" ref={ref}>
      {record &&
        NAMES.map((name) => (
          <ParamPair
            key={name}
            name={name}
            weight={record.params[name]}
            grad={record.grads[name]}
            playing={playing}
            hold={hold}
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
  /** While playing, the matrices catch up at the pace; with `hold` (out of sight) not at all. */
  playing: boolean;
  hold: boolean;
  inputs: readonly string[];
  fixed: boolean;
  onHoverGrad?(cell: { row: number; col: number } | null): void;
}) {
  const { name, inputs, fixed, onHoverGrad } = props;
  // Each matrix's picture, then its table, is its own piece of catching up: one per frame after
  // Pause (a picture's 36 printed numbers and a table's 36 cells each cost a layout).
  const weight = usePaced(props.weight, props.playing, props.hold);
  const grad = usePaced(props.grad, props.playing, props.hold);
  const weightTable = usePaced(weight, props.playing, props.hold);
  const gradTable = usePaced(grad, props.playing, props.hold);
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
      <MatrixView {...shared} values={weight} tableValues={weightTable} label={name} />
      <MatrixView
        {...shared}
        values={grad}
        tableValues={gradTable}
        label={`∂loss/∂${name}`}
        // Near convergence the gradients are ~1e-5: printed as PyTorch would, not as 0.0000.
        printing="torch"
        onHover={onHoverGrad}
      />
    </figure>
  );
});
