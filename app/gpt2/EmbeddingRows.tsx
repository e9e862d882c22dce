import { memo } from 'react';
import { EMB_PREVIEW, type RunResult } from '../../src/gpt2/protocol.ts';
import { chipLabel } from '../../src/tokenizer/index.ts';
import { ScrollRegion } from './ScrollRegion.tsx';

/** The selected token's rows of the two embedding tables and their sum (the layer's input). */
export const EmbeddingRows = memo(function EmbeddingRows({
  result,
  index,
}: {
  result: RunResult;
  index: number;
}) {
  const token = result.tokens[index];
  if (!token) return null;
  const at = index * EMB_PREVIEW;
  const tok = result.tok_emb.subarray(at, at + EMB_PREVIEW);
  const pos = result.pos_emb.subarray(at, at + EMB_PREVIEW);
  const rows: [string, ArrayLike<number>][] = [
    [`tok_emb[${token.id}]`, tok],
    [`pos_emb[${index}]`, pos],
    ['input = tok + pos', Array.from(tok, (v, d) => Math.fround(v + pos[d]))],
  ];
  return (
    <figure className="gpt2-emb">
      <figcaption>
        Embedding of token {index + 1} (<bdi>{chipLabel(token.text)}</bdi>, id {token.id}), seed{' '}
        {result.seed}: the first {EMB_PREVIEW} of 768 dimensions.
      </figcaption>
      <ScrollRegion label="embedding of the selected token, scrollable">
        <table aria-label="embedding of the selected token">
          <thead>
            <tr>
              <th scope="col">row</th>
              {Array.from({ length: EMB_PREVIEW }, (_, d) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: dimensions are positions
                <th scope="col" key={d}>
                  {d}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([name, values]) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                {Array.from(values, (v, d) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: dimensions are positions
                  <td key={d}>{v.toFixed(6)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </figure>
  );
});
