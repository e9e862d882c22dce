import './editor.css';
import { useId, useState } from 'react';
import { MAX_D_IN, MAX_TOKENS, MIN_D_IN, MIN_TOKENS } from '../../src/chapter/limits.ts';
import {
  addDimension,
  addToken,
  randomInputs,
  removeDimension,
  removeToken,
  renameToken,
  resetInputs,
  setCell,
  setPoint,
} from '../store/edits.ts';
import { useActions, useLab } from '../store/index.ts';
import { EmbeddingTable } from './EmbeddingTable.tsx';
import { TokenScatter } from './TokenScatter.tsx';

function AxisSelect({
  label,
  dims,
  value,
  onChange,
}: {
  label: string;
  dims: number;
  value: number;
  onChange(d: number): void;
}) {
  const id = useId();
  return (
    <span className="field inline">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(Number(e.currentTarget.value))}>
        {Array.from({ length: dims }, (_, d) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: dimensions are positions
          <option key={d} value={d}>
            dimension {d + 1}
          </option>
        ))}
      </select>
    </span>
  );
}

/** The inputs on every step: a table of numbers, the tokens as draggable points, and tools. */
export function EmbeddingEditor() {
  const tokens = useLab((s) => s.view.tokens);
  const embeddings = useLab((s) => s.view.embeddings);
  const dims = useLab((s) => s.view.scatter_dims);
  const focus = useLab((s) => s.hover ?? s.lock);
  const fault = useLab((s) => s.fault);
  const { edit } = useActions();
  const [seed, setSeed] = useState(1);
  const seedId = useId();
  const dIn = embeddings[0].length;
  const error =
    fault && (fault.field === 'embeddings' || fault.field === 'tokens') ? fault.message : null;
  const query = focus?.query ?? null;
  const key = focus?.key ?? null;

  return (
    <section className="editor" aria-label="Embeddings">
      <div className="editor-table">
        <EmbeddingTable
          tokens={tokens}
          embeddings={embeddings}
          query={query}
          keyToken={key}
          canRemove={tokens.length > MIN_TOKENS}
          onCell={(r, d, v) => edit((view) => setCell(view, r, d, v))}
          onRename={(r, name) => edit((view) => renameToken(view, r, name))}
          onRemove={(r) => edit((view) => removeToken(view, r))}
        />
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="toolbar">
          <button
            type="button"
            onClick={() => edit(addToken)}
            disabled={tokens.length >= MAX_TOKENS}
          >
            Add token
          </button>
          <button type="button" onClick={() => edit(addDimension)} disabled={dIn >= MAX_D_IN}>
            Add dimension
          </button>
          <button type="button" onClick={() => edit(removeDimension)} disabled={dIn <= MIN_D_IN}>
            Remove dimension
          </button>
          <button type="button" onClick={() => edit(resetInputs)}>
            Reset to the book’s example
          </button>
          <span className="random">
            <button type="button" onClick={() => edit((v) => randomInputs(v, seed))}>
              Random embeddings
            </button>
            <label htmlFor={seedId}>from seed</label>
            <input
              id={seedId}
              type="number"
              min={0}
              value={seed}
              onChange={(e) => setSeed(Math.max(0, Math.floor(Number(e.currentTarget.value) || 0)))}
            />
          </span>
        </div>
      </div>
      <div className="editor-scatter">
        <TokenScatter
          tokens={tokens}
          embeddings={embeddings}
          dims={dims}
          query={query}
          keyToken={key}
          onMove={(r, values) => edit((view) => setPoint(view, r, values))}
        />
        {dIn > 1 && (
          <div className="axes">
            <AxisSelect
              label="Horizontal axis"
              dims={dIn}
              value={dims[0]}
              onChange={(d) =>
                edit((v) => ({
                  ...v,
                  scatter_dims: [
                    d,
                    d === v.scatter_dims[1] ? v.scatter_dims[0] : v.scatter_dims[1],
                  ],
                }))
              }
            />
            <AxisSelect
              label="Vertical axis"
              dims={dIn}
              value={dims[1]}
              onChange={(d) =>
                edit((v) => ({
                  ...v,
                  scatter_dims: [
                    d === v.scatter_dims[0] ? v.scatter_dims[1] : v.scatter_dims[0],
                    d,
                  ],
                }))
              }
            />
          </div>
        )}
      </div>
    </section>
  );
}
