import { formatValue } from './format.ts';
import { positions } from './positions.ts';

export interface HeatmapTableProps {
  /** Row-major [rows.length × cols.length] values. */
  values: Float32Array;
  /** Query tokens, one per row. */
  rows: readonly string[];
  /** Key tokens, one per column. */
  cols: readonly string[];
  /** The table's accessible name, e.g. "attention weights". */
  label: string;
  /** Shown on screen; otherwise only screen readers get it. */
  visible?: boolean;
}

/** The heatmap's values as a real table: rows are queries, columns are keys, 4 decimals. */
export function HeatmapTable({ values, rows, cols, label, visible = false }: HeatmapTableProps) {
  const keys = positions(cols, 'k');
  return (
    // Tables ignore `overflow`, so the wrapper, not the table, is what sr-only hides.
    <div className={visible ? undefined : 'sr-only'}>
      <table className="values" aria-label={label}>
        <caption>{label}: rows are queries, columns are keys</caption>
        <thead>
          <tr>
            <th scope="col">query \ key</th>
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
              {keys.map((k) => (
                <td key={k.id}>{formatValue(values[q.index * cols.length + k.index])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
