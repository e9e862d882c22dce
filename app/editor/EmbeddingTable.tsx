import { MIN_TOKENS } from '../../src/chapter/limits.ts';
import { tokenNames } from '../a11y/token-names.ts';
import { CellInput } from './CellInput.tsx';
import { TokenName } from './TokenName.tsx';

export interface EmbeddingTableProps {
  tokens: readonly string[];
  embeddings: readonly (readonly number[])[];
  /** Tokens to mark as the focused query and key. */
  query?: number | null;
  keyToken?: number | null;
  onCell(row: number, dim: number, value: number): void;
  onRename(row: number, name: string): void;
  onRemove(row: number): void;
  canRemove: boolean;
}

/** The inputs x⁽ⁱ⁾ as a table of editable numbers: one row per token, one column per dimension. */
export function EmbeddingTable(props: EmbeddingTableProps) {
  const { tokens, embeddings, query = null, keyToken = null } = props;
  const dims = embeddings[0]?.length ?? 0;
  const names = tokenNames(tokens);
  return (
    <div className="table-scroll">
      <table className="values embeddings" aria-label="embeddings">
        <thead>
          <tr>
            <th scope="col">token</th>
            {Array.from({ length: dims }, (_, d) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: dimensions are positions
              <th key={d} scope="col">
                dim {d + 1}
              </th>
            ))}
            <th scope="col">
              <span className="sr-only">remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token, i) => {
            const role = i === query ? 'query' : i === keyToken ? 'key' : undefined;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: tokens repeat; the position is the identity
              <tr key={i} data-highlight={role} className={role ? `is-${role}` : undefined}>
                <th scope="row">
                  <span className="index">
                    x<sup>({i + 1})</sup>
                  </span>
                  <TokenName index={i} name={token} onCommit={(name) => props.onRename(i, name)} />
                  {i === query && i === keyToken && <span className="badge-qk">q·k</span>}
                </th>
                {embeddings[i].map((x, d) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: dimensions are positions
                  <td key={d}>
                    <CellInput
                      label={`${names[i]} dimension ${d + 1}`}
                      value={x}
                      onCommit={(v) => props.onCell(i, d, v)}
                    />
                  </td>
                ))}
                <td>
                  <button
                    type="button"
                    className="icon"
                    aria-label={`Remove ${names[i]}`}
                    disabled={!props.canRemove}
                    title={props.canRemove ? undefined : `Disabled: at least ${MIN_TOKENS} token`}
                    onClick={() => props.onRemove(i)}
                  >
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
