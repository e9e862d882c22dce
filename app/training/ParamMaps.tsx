import type { StepRecord } from '../../src/engine/train/session.ts';
import { Heatmap } from '../heatmap/Heatmap.tsx';
import { HeatmapTable } from '../heatmap/HeatmapTable.tsx';

const NAMES = ['W_query', 'W_key', 'W_value'] as const;

/** W_query, W_key, W_value and their gradients at the step shown, diverging around 0. */
export function ParamMaps({
  record,
  inputs,
  frozen,
  onHoverGrad,
}: {
  record: StepRecord;
  inputs: readonly string[];
  frozen: readonly string[];
  /** A cell of ∂loss/∂W_query hovered: the page spells its gradient out. */
  onHoverGrad?(cell: { row: number; col: number } | null): void;
}) {
  return (
    <div className="param-maps">
      {NAMES.map((name) => {
        const w = record.params[name];
        const cols = Array.from({ length: w.length / inputs.length }, (_, i) => `d${i + 1}`);
        const gradLabel = `∂loss/∂${name}`;
        return (
          <figure key={name} className="param-pair">
            <figcaption>
              {name}
              {frozen.includes(name) ? ' (fixed)' : ''}
            </figcaption>
            <Heatmap
              values={w}
              rows={inputs}
              cols={cols}
              label={name}
              kind="params"
              rowTitle="inputs"
              colTitle="outputs"
            />
            <HeatmapTable values={w} rows={inputs} cols={cols} label={name} corner="input" />
            <Heatmap
              values={record.grads[name]}
              rows={inputs}
              cols={cols}
              label={gradLabel}
              kind="params"
              rowTitle="inputs"
              colTitle="outputs"
              onHover={name === 'W_query' ? onHoverGrad : undefined}
            />
            <HeatmapTable
              values={record.grads[name]}
              rows={inputs}
              cols={cols}
              label={gradLabel}
              corner="input"
            />
          </figure>
        );
      })}
    </div>
  );
}
