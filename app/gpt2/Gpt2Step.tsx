import './gpt2.css';
import { useEffect, useState } from 'react';
import { MAX_TEXT_CHARS } from '../../src/tokenizer/index.ts';
import { ContextStrip } from './ContextStrip.tsx';
import { EmbeddingRows } from './EmbeddingRows.tsx';
import { HeadGrid } from './HeadGrid.tsx';
import { HeadSummaryChart } from './HeadSummaryChart.tsx';
import { HeadZoom } from './HeadZoom.tsx';
import { TokenChips } from './TokenChips.tsx';
import { useGpt2View } from './useGpt2View.ts';
import { useGpt2Worker } from './useGpt2Worker.ts';

/**
 * Exercise 3.3 at full size (the step's custom body): the learner's text, GPT-2's tokenizer, the
 * book's embeddings and a MultiHeadAttention(768, 768, context_length=1024, num_heads=12) drawn
 * from the chapter's seed, and every head's weights. The worker computes; this only draws.
 */
export function Gpt2Step() {
  const { local, seed, setLocal } = useGpt2View();
  const [selected, setSelected] = useState(0);
  const { result, head, error, busy } = useGpt2Worker(local.text, seed, local.head);
  const tokens = result?.tokens ?? [];

  useEffect(() => {
    if (result) performance.mark('gpt2-painted');
  }, [result]);

  const tooLong = local.text.length > MAX_TEXT_CHARS;
  const openHead = (h: number) => setLocal({ head: h });

  return (
    <div className="gpt2-step">
      <label className="gpt2-text">
        your text
        <textarea
          value={local.text}
          rows={3}
          spellCheck={false}
          onChange={(e) => setLocal({ text: e.target.value })}
        />
      </label>
      {tooLong && (
        <p className="field-error" role="alert">
          The text is {local.text.length.toLocaleString('en')} characters; only the first{' '}
          {MAX_TEXT_CHARS.toLocaleString('en')} are tokenized.
        </p>
      )}
      <p className="gpt2-status" aria-live="polite">
        {result
          ? `${tokens.length.toLocaleString('en')} tokens`
          : 'Loading the tokenizer and the embedding tables…'}
        {busy
          ? ' · computing…'
          : result
            ? ` · computed in the worker in ${Math.round(result.ms)} ms`
            : ''}
      </p>
      {result?.note && (
        <p className="gpt2-note" role="status">
          {result.note}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          The layer could not be computed: {error}
        </p>
      )}
      {result && tokens.length > 0 && (
        <>
          <details className="gpt2-chips-box" open={tokens.length <= 64}>
            <summary>Tokens and their ids ({tokens.length})</summary>
            <TokenChips tokens={tokens} selected={selected} onSelect={setSelected} />
          </details>
          <EmbeddingRows result={result} index={Math.min(selected, tokens.length - 1)} />
          <h3>Attention weights of the 12 heads</h3>
          <HeadGrid
            thumbs={result.thumbs}
            size={result.thumbSize}
            t={tokens.length}
            open={local.head}
            onOpen={openHead}
          />
          {local.head !== null && head && head.index === local.head && head.t === tokens.length && (
            <HeadZoom
              head={head}
              tokens={tokens}
              zoom={local.zoom}
              onZoom={(zoom) => setLocal({ zoom })}
              onClose={() => setLocal({ head: null, zoom: 1 })}
            />
          )}
          <h3>How each head attends</h3>
          <HeadSummaryChart entropy={result.entropy} lookback={result.lookback} open={local.head} />
          <h3>Context vectors</h3>
          <ContextStrip values={result.context_vecs} tokens={tokens} />
        </>
      )}
    </div>
  );
}
