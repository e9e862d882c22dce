import { formatCount } from '../../src/chapter/format.ts';
import './gpt2.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Gpt2Want } from '../../src/gpt2/protocol.ts';
import { windowAround } from '../../src/headview/index.ts';
import { MAX_TEXT_CHARS } from '../../src/tokenizer/index.ts';
import { useLab } from '../store/index.ts';
import { ContextStrip } from './ContextStrip.tsx';
import { EmbeddingRows } from './EmbeddingRows.tsx';
import { Gpt2HeadView } from './Gpt2HeadView.tsx';
import { HeadGrid } from './HeadGrid.tsx';
import { HeadSummaryChart } from './HeadSummaryChart.tsx';
import { HeadZoom } from './HeadZoom.tsx';
import { TokenChips } from './TokenChips.tsx';
import { useEditToPaint } from './useEditToPaint.ts';
import { useGpt2View } from './useGpt2View.ts';
import { useGpt2Worker } from './useGpt2Worker.ts';
import { useOnScreen } from './useOnScreen.ts';

/** Texts of up to this many tokens show their chips at once; longer ones behind a click. */
const CHIPS_OPEN_UP_TO = 64;

/** Tokens the head view shows at once on a long text. */
const HEAD_VIEW_TOKENS = 24;

/**
 * Exercise 3.3 at full size (the step's custom body): the learner's text, GPT-2's tokenizer, the
 * book's embeddings and a MultiHeadAttention(768, 768, context_length=1024, num_heads=12) drawn
 * from the chapter's seed, and every head's weights. The worker computes; this only draws.
 */
export function Gpt2Step() {
  const { local, seed, setLocal } = useGpt2View();
  const [selected, setSelected] = useState(0);
  /** The learner's open or close of the chips; until then, open for a short text only. */
  const [chipsToggled, setChipsToggled] = useState<boolean | null>(null);
  const headView = useLab((s) => s.view.head_view);
  const [grid, gridShown] = useOnScreen(true);
  const [strip, stripShown] = useOnScreen();
  const [t, setT] = useState(0);
  const win = useRef(windowAround(t, selected, HEAD_VIEW_TOKENS));
  win.current = windowAround(t, selected, HEAD_VIEW_TOKENS, win.current);
  const want: Gpt2Want = {
    thumbs: gridShown,
    context: stripShown,
    head: local.head,
    window: headView && t > 0 ? win.current : null,
  };
  const { result, error, busy } = useGpt2Worker(local.text, seed, want);
  const tokens = result?.tokens ?? [];
  const chipsOpen = chipsToggled ?? tokens.length <= CHIPS_OPEN_UP_TO;
  const head = result?.head ?? null;
  useEffect(() => setT(tokens.length), [tokens.length]);

  const markEdit = useEditToPaint(result, local.text);

  const tooLong = local.text.length > MAX_TEXT_CHARS;
  // Stable, so the memoized grid is not rendered again by a keystroke (setLocal is new each render).
  const setLocalRef = useRef(setLocal);
  setLocalRef.current = setLocal;
  const openHead = useCallback((h: number) => setLocalRef.current({ head: h }), []);

  return (
    <div className="gpt2-step">
      <label className="gpt2-text">
        your text
        <textarea
          value={local.text}
          rows={3}
          spellCheck={false}
          onChange={(e) => {
            markEdit();
            setLocal({ text: e.target.value });
          }}
        />
      </label>
      {tooLong && (
        <p className="field-error" role="alert">
          The text is {formatCount(local.text.length)} characters; only the first{' '}
          {formatCount(MAX_TEXT_CHARS)} are tokenized.
        </p>
      )}
      <p className="gpt2-status" aria-live="polite">
        {result
          ? `${formatCount(tokens.length)} tokens`
          : 'Loading the tokenizer and the embedding tables…'}
        {busy
          ? ' · computing…'
          : result
            ? ` · computed in the worker in ${Math.round(result.ms)} ms (${result.computedBy}), ${formatBytes(result.bytes)} sent to the page`
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
          <details
            className="gpt2-chips-box"
            open={chipsOpen}
            onToggle={(e) => {
              // The page's own opening and closing (the text's length) is not the learner's.
              if (e.currentTarget.open !== chipsOpen) setChipsToggled(e.currentTarget.open);
            }}
          >
            <summary>Tokens and their ids ({tokens.length})</summary>
            {/* Closed, its up to 1,024 chips are not made: ~0.1 s of the first paint at T=1,024. */}
            {chipsOpen && <TokenChips tokens={tokens} selected={selected} onSelect={setSelected} />}
          </details>
          <EmbeddingRows result={result} index={Math.min(selected, tokens.length - 1)} />
          {headView && (
            <>
              <h3>Head view</h3>
              <Gpt2HeadView
                tokens={tokens}
                slices={result.window}
                win={win.current}
                onCursor={setSelected}
              />
            </>
          )}
          <h3>Attention weights of the 12 heads</h3>
          <div ref={grid}>
            <HeadGrid
              thumbs={result.thumbs}
              size={result.thumbSize}
              t={tokens.length}
              open={local.head}
              onOpen={openHead}
            />
          </div>
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
          <div ref={strip}>
            <ContextStrip values={result.context_vecs} tokens={tokens} />
          </div>
        </>
      )}
    </div>
  );
}

/** Bytes as a learner reads them: kB below a megabyte. */
function formatBytes(n: number): string {
  return n < 1e6 ? `${(n / 1e3).toFixed(1)} kB` : `${(n / 1e6).toFixed(2)} MB`;
}
