import type { CompareRow } from '../../src/chapter/beyond/compare.ts';
import { formatBytes } from '../../src/chapter/beyond/kv-sizes.ts';
import { ScrollRegion } from '../gpt2/ScrollRegion.tsx';

const count = (n: number) => n.toLocaleString('en-US');

/**
 * MHA / GQA / MQA side by side: attention parameters and KV-cache bytes per token. On a phone
 * the table scrolls sideways in its own region with the model names pinned, rather than
 * breaking "Llama-3-8B" over three lines.
 */
export function CompareTable({ rows }: { rows: CompareRow[] }) {
  return (
    <ScrollRegion label="MHA, GQA and MQA compared, scrollable">
      <table className="compare" aria-label="MHA, GQA and MQA compared">
        <thead>
          <tr>
            <th scope="col">model</th>
            <th scope="col">attention</th>
            <th scope="col">K/V heads</th>
            <th scope="col">attention parameters</th>
            <th scope="col">KV cache per token</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.model} ${r.kind}`}>
              <th scope="row">
                {r.model} {r.kind}
              </th>
              <td>{r.kind}</td>
              <td>{r.num_kv_groups}</td>
              <td>{count(r.params)}</td>
              <td>
                {count(r.kvBytesPerToken)} B ({formatBytes(r.kvBytesPerToken)})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
