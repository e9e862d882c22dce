import type { HeadWeights } from '../../src/gpt2/protocol.ts';
import type { Token } from '../../src/tokenizer/index.ts';
import { chipLabel } from '../../src/tokenizer/index.ts';
import { ScrollRegion } from './ScrollRegion.tsx';

const RADIUS = 2;

/** The text alternative of a large map: the 5 × 5 weights around the cursor, not all T² cells. */
export function RegionTable({
  head,
  tokens,
  row,
  col,
}: {
  head: HeadWeights;
  tokens: Token[];
  row: number;
  col: number;
}) {
  const t = head.t;
  const span = (c: number) => {
    const lo = Math.max(0, Math.min(t - 2 * RADIUS - 1, c - RADIUS));
    return Array.from({ length: Math.min(t, 2 * RADIUS + 1) }, (_, k) => lo + k);
  };
  const rows = span(row);
  const cols = span(col);
  const name = (i: number) => `${i + 1} ${chipLabel(tokens[i]?.text ?? '')}`;
  return (
    <ScrollRegion label="attention weights near the cursor, scrollable">
      <table aria-label="attention weights near the cursor" className="gpt2-region">
        <thead>
          <tr>
            <th scope="col">query \ key</th>
            {cols.map((j) => (
              <th scope="col" key={j}>
                <bdi>{name(j)}</bdi>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => (
            <tr key={i}>
              <th scope="row">
                <bdi>{name(i)}</bdi>
              </th>
              {cols.map((j) => (
                <td key={j} aria-current={i === row && j === col ? 'true' : undefined}>
                  {j > i ? '—' : head.weights[i * t + j].toFixed(4)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
