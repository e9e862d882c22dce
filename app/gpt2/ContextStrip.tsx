import { memo, useLayoutEffect, useRef, useState } from 'react';
import { EMB_DIM } from '../../src/gpt2/sizes.ts';
import type { Token } from '../../src/tokenizer/index.ts';
import { chipLabel } from '../../src/tokenizer/index.ts';
import { pixelContext } from '../heatmap/pixel-canvas.ts';
import { timed } from './paint-timing.ts';
import { signedPixels } from './pixels.ts';

/**
 * The layer's output, T × 768, one pixel per value (red positive, blue negative). The values
 * come from the worker only while the strip is on screen (null until then).
 */
export const ContextStrip = memo(function ContextStrip({
  values,
  tokens,
}: {
  values: Float32Array | null;
  tokens: Token[];
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const t = tokens.length;
  const [hover, setHover] = useState<{ row: number; col: number } | null>(null);
  // In the commit, as the thumbnails: the frame that shows the new text shows its strip.
  useLayoutEffect(() => {
    const ctx = pixelContext(canvas.current);
    if (!ctx || t === 0 || !values) return;
    timed('paint-strip', () => ctx.putImageData(signedPixels(values, t, EMB_DIM), 0, 0));
  }, [values, t]);
  if (t === 0) return null;
  const at = hover && values ? values[hover.row * EMB_DIM + hover.col] : null;
  return (
    <figure className="gpt2-strip">
      <canvas
        ref={canvas}
        width={EMB_DIM}
        height={t}
        className="gpt2-pixelated"
        style={{ height: Math.min(Math.max(t * 4, 24), 320) }}
        role="img"
        aria-label={`context vectors: ${t} tokens × ${EMB_DIM} dimensions`}
        onPointerMove={(e) => {
          const box = e.currentTarget.getBoundingClientRect();
          const row = Math.floor(((e.clientY - box.top) / box.height) * t);
          const col = Math.floor(((e.clientX - box.left) / box.width) * EMB_DIM);
          setHover(row >= 0 && row < t && col >= 0 && col < EMB_DIM ? { row, col } : null);
        }}
        onPointerLeave={() => setHover(null)}
      />
      <figcaption aria-live="polite">
        {hover && at !== null ? (
          <>
            token {hover.row + 1} (<bdi>{chipLabel(tokens[hover.row].text)}</bdi>), dimension{' '}
            {hover.col}: {at.toFixed(4)}
          </>
        ) : (
          <>
            context_vecs = mha(input): one row per token, 768 columns; red positive, blue negative.
          </>
        )}
      </figcaption>
    </figure>
  );
});
