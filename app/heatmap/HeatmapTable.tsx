import { memo, useMemo } from 'react';
import { CELL } from '../../src/chapter/panels/index.ts';
import { type Printing, printerFor } from './format.ts';
import { positions } from './positions.ts';

export interface HeatmapTableProps {
  /** Row-major [rows.length × cols.length] values. */
  values: Float32Array;
  rows: readonly string[];
  cols: readonly string[];
  /** The table's accessible name, e.g. "attention weights". */
  label: string;
  status?: Uint8Array | null;
  /** Header of the row-label column, e.g. "query \ key". */
  corner?: string;
  /** Shown on screen; otherwise only screen readers get it. */
  visible?: boolean;
  /** The book's 4 decimals (default), or as PyTorch prints the tensor (scientific when tiny). */
  printing?: Printing;
}

const STATE: Record<number, string | undefined> = {
  [CELL.masked]: 'masked',
  [CELL.dropped]: 'dropped',
  [CELL.cached]: 'cached',
};

/**
 * The heatmap's values as a real table, 4 decimals (or PyTorch's scientific notation with
 * `printing: 'torch'`), −∞ as "-inf" as PyTorch prints it.
 * Memoised: hovering re-renders the figures, and the tables never change with it.
 */
export const HeatmapTable = memo(function HeatmapTable(props: HeatmapTableProps) {
  const {
    values,
    rows,
    cols,
    label,
    status = null,
    corner = 'query \\ key',
    visible = false,
    printing,
  } = props;
  const printer = useMemo(() => printerFor(values, printing), [values, printing]);
  const keys = positions(cols, 'k');
  return (
    // Tables ignore `overflow`, so the wrapper, not the table, is what sr-only hides. Shown,
    // it may scroll sideways (phones), so keys must be able to reach it.
    <div className={visible ? 'table-scroll' : 'sr-only'} tabIndex={visible ? 0 : undefined}>
      <table className="values" aria-label={label}>
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col">{corner}</th>
            {keys.map((k) => (
              <th key={k.id} scope="col">
                {k.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {positions(rows, 'q').map((q) => (
            <tr key={q.id}>
              <th scope="row">{q.label}</th>
              {keys.map((k) => {
                const i = q.index * cols.length + k.index;
                return (
                  <td key={k.id} data-state={STATE[status?.[i] ?? CELL.normal]}>
                    {printer.table(values[i])}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
