import type { RaceRow } from '../../src/race/protocol.ts';
import { rowCells, TABLE_HEADERS } from '../../src/race/table.ts';
import { ScrollRegion } from '../gpt2/ScrollRegion.tsx';

/** The results, one row per implementation and size: the accessible table "race results". */
export function RaceTable({ rows, peak }: { rows: readonly RaceRow[]; peak: number | null }) {
  return (
    <ScrollRegion label="race results, scrollable">
      <table className="race-table">
        <caption>race results</caption>
        <thead>
          <tr>
            {TABLE_HEADERS.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const cells = rowCells(row, peak);
            const skipped = 'skipped' in row;
            return (
              <tr key={`${row.impl} ${row.T}`} className={skipped ? 'skipped' : undefined}>
                <th scope="row">{cells[0]}</th>
                <td>{cells[1]}</td>
                <td>{cells[2]}</td>
                {skipped ? (
                  <td colSpan={6}>{cells[3]}</td>
                ) : (
                  cells.slice(3).map((c, i) => <td key={TABLE_HEADERS[i + 3]}>{c}</td>)
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
