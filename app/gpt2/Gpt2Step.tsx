import './gpt2.css';
import { useEffect, useState } from 'react';
import { CONTEXT_LENGTH, EMB_DIM, NUM_HEADS } from '../../src/gpt2/sizes.ts';
import { MAX_TEXT_CHARS } from '../../src/tokenizer/index.ts';
import { ContextStrip } from './ContextStrip.tsx';
import { EmbeddingRows } from './EmbeddingRows.tsx';
import { HeadGrid } from './HeadGrid.tsx';
import { HeadSummaryChart } from './HeadSummaryChart.tsx';
import { HeadZoom } from './HeadZoom.tsx';
import { TokenChips } from './TokenChips.tsx';
import { useGpt2Link } from './useGpt2Link.ts';
import { useGpt2Worker } from './useGpt2Worker.ts';

/**
 * Exercise 3.3 at full size: the learner's text, GPT-2's tokenizer, the book's embeddings and a
 * MultiHeadAttention(768, 768, context_length=1024, num_heads=12) drawn from one seed, and every
 * head's weights. The worker computes; this only draws what it sends.
 */
export function Gpt2Step() {
  const [view, setView, linkProblems] = useGpt2Link();
  const [seedText, setSeedText] = useState(String(view.seed));
  const [selected, setSelected] = useState(0);
  const { result, head, error, busy } = useGpt2Worker(view.text, view.seed, view.head);
  const tokens = result?.tokens ?? [];

  useEffect(() => {
    if (result) performance.mark('gpt2-painted');
  }, [result]);

  const seedError =
    /^\d+$/.test(seedText) && Number.isSafeInteger(Number(seedText))
      ? null
      : 'The seed must be a whole number ≥ 0.';
  const tooLong = view.text.length > MAX_TEXT_CHARS;
  const openHead = (h: number) => setView({ ...view, head: h });

  return (
    <div className="gpt2-step">
      {linkProblems.length > 0 && (
        <div className="gpt2-notice" role="alert">
          {linkProblems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}
      <p>
        Exercise 3.3 asks for a multi-head attention module the size of the smallest GPT-2:{' '}
        {NUM_HEADS} heads, {EMB_DIM}-dimensional embeddings, a context of{' '}
        {CONTEXT_LENGTH.toLocaleString('en')} tokens. Type any text: it is split by GPT-2's
        tokenizer, embedded with <code>nn.Embedding(50257, 768)</code> +{' '}
        <code>nn.Embedding(1024, 768)</code> after <code>torch.manual_seed(seed)</code>, and run
        through the layer, all as PyTorch would.
      </p>
      <div className="gpt2-inputs">
        <label className="gpt2-text">
          your text
          <textarea
            value={view.text}
            rows={3}
            spellCheck={false}
            onChange={(e) => setView({ ...view, text: e.target.value })}
          />
        </label>
        <label className="gpt2-seed">
          seed
          <input
            inputMode="numeric"
            value={seedText}
            aria-invalid={seedError !== null}
            aria-describedby={seedError ? 'gpt2-seed-error' : undefined}
            onChange={(e) => {
              setSeedText(e.target.value);
              const n = Number(e.target.value);
              if (/^\d+$/.test(e.target.value) && Number.isSafeInteger(n))
                setView({ ...view, seed: n });
            }}
          />
        </label>
      </div>
      {seedError && (
        <p id="gpt2-seed-error" className="field-error" role="alert">
          {seedError} Showing seed {view.seed}.
        </p>
      )}
      {tooLong && (
        <p className="field-error" role="alert">
          The text is {view.text.length.toLocaleString('en')} characters; only the first{' '}
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
            open={view.head}
            onOpen={openHead}
          />
          {view.head !== null && head && head.index === view.head && head.t === tokens.length && (
            <HeadZoom
              head={head}
              tokens={tokens}
              zoom={view.zoom}
              onZoom={(zoom) => setView({ ...view, zoom })}
              onClose={() => setView({ ...view, head: null, zoom: 1 })}
            />
          )}
          <h3>How each head attends</h3>
          <HeadSummaryChart entropy={result.entropy} lookback={result.lookback} open={view.head} />
          <h3>Context vectors</h3>
          <ContextStrip values={result.context_vecs} tokens={tokens} />
        </>
      )}
    </div>
  );
}
