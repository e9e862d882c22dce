import { positions } from '../heatmap/positions.ts';

export interface EmbeddingTableProps {
  tokens: readonly string[];
  embeddings: readonly (readonly number[])[];
}

/** The input tokens and their embedding vectors x⁽ⁱ⁾, one row per token. */
export function EmbeddingTable({ tokens, embeddings }: EmbeddingTableProps) {
  const dims = positions(
    (embeddings[0] ?? []).map((_, d) => `dim ${d + 1}`),
    'd',
  );
  return (
    <table className="values" aria-label="embeddings">
      <thead>
        <tr>
          <th scope="col">token</th>
          {dims.map((d) => (
            <th key={d.id} scope="col">
              {d.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {positions(tokens, 't').map((t) => (
          <tr key={t.id}>
            <th scope="row">
              <span className="index">
                x<sup>({t.index + 1})</sup>
              </span>{' '}
              {t.label}
            </th>
            {dims.map((d) => (
              <td key={d.id}>{embeddings[t.index][d.index].toFixed(2)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
