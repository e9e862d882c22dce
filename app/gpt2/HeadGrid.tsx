import { memo, useLayoutEffect, useRef } from 'react';
import { NUM_HEADS } from '../../src/gpt2/sizes.ts';
import { pixelContext } from '../heatmap/pixel-canvas.ts';
import { firstChangedRow } from './changed-rows.ts';
import { timed } from './paint-timing.ts';
import { shadePixels } from './pixels.ts';

function Thumb({ thumbs, size, head }: { thumbs: Uint8Array | null; size: number; head: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  /** The thumbnails this canvas shows now (a new size clears the canvas: it is not kept). */
  const painted = useRef<{ thumbs: Uint8Array; size: number } | null>(null);
  // In the commit (a layout effect), not after it: the frame that shows the new text shows its maps.
  useLayoutEffect(() => {
    const ctx = pixelContext(canvas.current);
    if (!ctx || size === 0 || !thumbs) return;
    const at = head * size * size;
    const was = painted.current;
    const r0 = was?.size === size ? firstChangedRow(was.thumbs, thumbs, at, size) : 0;
    painted.current = { thumbs, size };
    if (r0 === size) return;
    timed('paint-thumbnail', () =>
      ctx.putImageData(shadePixels(thumbs, at, size, r0, size - r0), 0, r0),
    );
  }, [thumbs, size, head]);
  return <canvas ref={canvas} width={size || 1} height={size || 1} className="gpt2-pixelated" />;
}

/**
 * The 12 heads' weight maps, one canvas pixel per cell up to 128 tokens (beyond, each pixel is
 * the largest weight it covers), scaled up pixelated. Each is a button that opens the head large.
 * The thumbnails come from the worker only while the grid is on screen (null until then).
 */
export const HeadGrid = memo(function HeadGrid({
  thumbs,
  size,
  t,
  open,
  onOpen,
}: {
  thumbs: Uint8Array | null;
  size: number;
  t: number;
  open: number | null;
  onOpen: (head: number) => void;
}) {
  return (
    <ul className="gpt2-grid" aria-label="attention heads">
      {Array.from({ length: NUM_HEADS }, (_, h) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: heads are positions
        <li key={h}>
          <button
            type="button"
            className="gpt2-thumb"
            aria-pressed={open === h}
            aria-label={`open head ${h + 1}`}
            onClick={() => onOpen(h)}
          >
            <Thumb thumbs={thumbs} size={size} head={h} />
            <span>head {h + 1}</span>
          </button>
        </li>
      ))}
      <li className="gpt2-grid-note">
        {t} × {t} weights per head
        {size < t ? `, shown ${size} × ${size} (each pixel the largest weight it covers)` : ''}; log
        scale 10⁻⁴ … 1, grey = masked.
      </li>
    </ul>
  );
});
