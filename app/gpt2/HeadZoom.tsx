import {
  type KeyboardEvent,
  type PointerEvent,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import type { HeadWeights } from '../../src/gpt2/protocol.ts';
import type { Token } from '../../src/tokenizer/index.ts';
import { chipLabel } from '../../src/tokenizer/index.ts';
import { pixelContext } from '../heatmap/pixel-canvas.ts';
import { timed } from './paint-timing.ts';
import { weightPixels } from './pixels.ts';
import { RegionTable } from './RegionTable.tsx';
import { nextZoom, windowFor, type ZoomWindow, zoomAbout } from './zoom-window.ts';

/** Pixels a cell needs before the axes get token labels. */
const LABEL_MIN_PX = 14;

/**
 * One head opened large: zoom (buttons, + and − keys) and pan (drag, or move the cursor with the
 * arrow keys past the edge); token labels on the axes once cells are big enough to read them;
 * hover or the keyboard cursor names the token pair and weight, and a table gives the numbers of
 * the region around it.
 */
export function HeadZoom({
  head,
  tokens,
  zoom,
  onZoom,
  onClose,
}: {
  head: HeadWeights;
  tokens: Token[];
  zoom: number;
  onZoom: (zoom: number) => void;
  onClose: () => void;
}) {
  const t = head.t;
  const canvas = useRef<HTMLCanvasElement>(null);
  const [origin, setOrigin] = useState({ row0: 0, col0: 0 });
  const [cursor, setCursor] = useState({ row: 0, col: 0 });
  const [px, setPx] = useState(480);
  const drag = useRef<{ x: number; y: number; row0: number; col0: number } | null>(null);
  const win: ZoomWindow = windowFor(t, zoom, origin.row0, origin.col0);
  const cell = px / win.n;

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const measure = () => setPx(el.getBoundingClientRect().width || 480);
    measure();
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    ro?.observe(el);
    return () => ro?.disconnect();
  }, []);

  // In the commit, as the thumbnails: the frame that shows the new text shows this head.
  useLayoutEffect(() => {
    const ctx = pixelContext(canvas.current);
    if (!ctx) return;
    timed('paint-head', () =>
      ctx.putImageData(weightPixels(head.weights, t, win.row0, win.col0, win.n, win.n, true), 0, 0),
    );
  }, [head, t, win.row0, win.col0, win.n]);

  const cellAt = (e: PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const row = win.row0 + Math.floor(((e.clientY - box.top) / box.height) * win.n);
    const col = win.col0 + Math.floor(((e.clientX - box.left) / box.width) * win.n);
    return { row: Math.max(0, Math.min(t - 1, row)), col: Math.max(0, Math.min(t - 1, col)) };
  };

  const setZoom = (z: number, about = cursor) => {
    const w = zoomAbout(t, win, z, about.row, about.col);
    setOrigin({ row0: w.row0, col0: w.col0 });
    onZoom(z);
  };

  const onKey = (e: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    if (e.key in moves) {
      e.preventDefault();
      const [dr, dc] = moves[e.key];
      const row = Math.max(0, Math.min(t - 1, cursor.row + dr));
      const col = Math.max(0, Math.min(t - 1, cursor.col + dc));
      setCursor({ row, col });
      // keep the cursor in view: pan when it leaves the window
      const row0 = row < win.row0 ? row : row >= win.row0 + win.n ? row - win.n + 1 : win.row0;
      const col0 = col < win.col0 ? col : col >= win.col0 + win.n ? col - win.n + 1 : win.col0;
      setOrigin({ row0, col0 });
    } else if (e.key === '+' || e.key === '=') setZoom(nextZoom(zoom, 1));
    else if (e.key === '-') setZoom(nextZoom(zoom, -1));
    else if (e.key === 'Escape') onClose();
  };

  const w = head.weights[cursor.row * t + cursor.col];
  const labels = cell >= LABEL_MIN_PX;
  const axis = Array.from({ length: labels ? win.n : 0 }, (_, k) => k);
  return (
    <section className="gpt2-zoom" aria-label={`head ${head.index + 1}, large`}>
      <div className="gpt2-zoom-bar">
        <h4>Head {head.index + 1}</h4>
        <button type="button" onClick={() => setZoom(nextZoom(zoom, -1))} disabled={zoom <= 1}>
          Zoom out
        </button>
        <output aria-label="zoom level">×{zoom}</output>
        <button type="button" onClick={() => setZoom(nextZoom(zoom, 1))} disabled={win.n <= 1}>
          Zoom in
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <div className={labels ? 'gpt2-zoom-frame labelled' : 'gpt2-zoom-frame'}>
        {labels && (
          <>
            <div className="gpt2-axis-top" aria-hidden="true">
              {axis.map((k) => (
                <span key={k} style={{ left: (k + 0.5) * cell }}>
                  <bdi>{chipLabel(tokens[win.col0 + k]?.text ?? '')}</bdi>
                </span>
              ))}
            </div>
            <div className="gpt2-axis-left" aria-hidden="true">
              {axis.map((k) => (
                <span key={k} style={{ top: (k + 0.5) * cell }}>
                  <bdi>{chipLabel(tokens[win.row0 + k]?.text ?? '')}</bdi>
                </span>
              ))}
            </div>
          </>
        )}
        <canvas
          ref={canvas}
          width={win.n}
          height={win.n}
          className="gpt2-pixelated gpt2-zoom-canvas"
          role="img"
          tabIndex={0}
          aria-label={`weights of head ${head.index + 1}: rows are queries, columns are keys; arrow keys move the cursor, + and − zoom`}
          onKeyDown={onKey}
          onPointerDown={(e) => {
            drag.current = { x: e.clientX, y: e.clientY, ...win };
            e.currentTarget.setPointerCapture?.(e.pointerId);
          }}
          onPointerUp={() => {
            drag.current = null;
          }}
          onPointerMove={(e) => {
            const d = drag.current;
            if (d && e.buttons) {
              const scale = win.n / (e.currentTarget.getBoundingClientRect().width || 1);
              setOrigin({
                row0: d.row0 - (e.clientY - d.y) * scale,
                col0: d.col0 - (e.clientX - d.x) * scale,
              });
            } else setCursor(cellAt(e));
          }}
        />
        {cursor.row >= win.row0 &&
          cursor.row < win.row0 + win.n &&
          cursor.col >= win.col0 &&
          cursor.col < win.col0 + win.n && (
            <div
              className="gpt2-cursor"
              aria-hidden="true"
              style={{
                left: (cursor.col - win.col0) * cell,
                top: (cursor.row - win.row0) * cell,
                width: cell,
                height: cell,
              }}
            />
          )}
      </div>
      <p className="gpt2-hover" aria-live="polite">
        query {cursor.row + 1} <bdi>“{chipLabel(tokens[cursor.row]?.text ?? '')}”</bdi> → key{' '}
        {cursor.col + 1} <bdi>“{chipLabel(tokens[cursor.col]?.text ?? '')}”</bdi>:{' '}
        {cursor.col > cursor.row ? 'masked (a key after the query)' : `weight ${w.toFixed(6)}`}
      </p>
      <RegionTable head={head} tokens={tokens} row={cursor.row} col={cursor.col} />
    </section>
  );
}
