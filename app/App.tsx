import { useMemo, useState } from 'react';
import { BOOK_EMBEDDINGS, BOOK_TOKENS } from '../src/engine/config.ts';
import { runAttention } from '../src/engine/run.ts';
import { headBlock } from './heatmap/block.ts';
import { Heatmap } from './heatmap/Heatmap.tsx';
import { HeatmapTable } from './heatmap/HeatmapTable.tsx';
import { EmbeddingTable } from './inputs/EmbeddingTable.tsx';

/** The first page: the book's six tokens and the weights of simplified self-attention (§3.3). */
export function App() {
  const trace = useMemo(
    () => runAttention({ variant: 'simple', tokens: BOOK_TOKENS, embeddings: BOOK_EMBEDDINGS }),
    [],
  );
  const [showTable, setShowTable] = useState(false);
  const { tokens, embeddings } = trace.config;
  const weights = headBlock(trace.attn_weights);

  return (
    <>
      <header className="site-header">
        <div className="wrap">
          <h1>Attention Lab</h1>
          <p className="tagline">
            Chapter 3 of <cite>Build a Large Language Model (From Scratch)</cite>, computed live in
            your browser.
          </p>
        </div>
      </header>
      <main>
        <section aria-labelledby="inputs-heading">
          <h2 id="inputs-heading">The input: six tokens, three dimensions each</h2>
          <p>
            The sentence <q>{tokens.join(' ')}</q> as the book embeds it: each token is a vector x
            <sup>(i)</sup> of three numbers.
          </p>
          <EmbeddingTable tokens={tokens} embeddings={embeddings} />
        </section>
        <section aria-labelledby="weights-heading">
          <h2 id="weights-heading">Simplified self-attention: the attention weights</h2>
          <p>
            Each query token scores every key token by a dot product, ω<sub>ij</sub> = x
            <sup>(i)</sup> · x<sup>(j)</sup>; softmax turns each row of scores into weights α
            <sub>ij</sub> that sum to 1. Row <q>journey</q> is the book's query x<sup>(2)</sup>.
          </p>
          <figure className="heatmap-figure">
            <Heatmap values={weights} rows={tokens} cols={tokens} label="attention weights" />
            <figcaption>
              Attention weights α, rows are queries, columns are keys. Brighter means more
              attention.
            </figcaption>
          </figure>
          <label className="toggle">
            <input
              type="checkbox"
              checked={showTable}
              onChange={(e) => setShowTable(e.currentTarget.checked)}
            />{' '}
            Show the values as a table
          </label>
          <HeatmapTable
            values={weights}
            rows={tokens}
            cols={tokens}
            label="attention weights"
            visible={showTable}
          />
        </section>
      </main>
    </>
  );
}
