import { extent, format, scaleLinear } from 'd3';
import { type KeyboardEvent, type PointerEvent, useMemo, useRef } from 'react';
import { tokenNames } from '../a11y/token-names.ts';
import { placeLabels } from './labels.ts';

/** Points' radius in SVG units (also how near a press must be to grab one). */
const POINT_RADIUS = 8;

export interface TokenScatterProps {
  tokens: readonly string[];
  embeddings: readonly (readonly number[])[];
  /** The two dimensions on the axes (the same one twice when d_in is 1). */
  dims: readonly [number, number];
  query?: number | null;
  keyToken?: number | null;
  onMove(row: number, values: Record<number, number>): void;
}

const W = 340;
const H = 230;
const M = { left: 44, right: 18, top: 14, bottom: 34 };
const round2 = (x: number) => Math.round(x * 100) / 100;
const TICKS = 5;
/** Tick labels stay short at any scale: 0.5, 2, 200k, 1M (digits would run together). */
const tickText = (t: number, top: number) => (top >= 1e4 ? format('.2~s')(t) : format('~g')(t));
const top = (d: [number, number]) => Math.max(Math.abs(d[0]), Math.abs(d[1]));

/** The axes' domain: the data with a margin, always including 0 and 1 like the book's inputs. */
function domainOf(values: number[]): [number, number] {
  const [lo = 0, hi = 1] = extent(values);
  const pad = Math.max(0.1, (hi - lo) * 0.1);
  return [Math.min(0, lo - pad), Math.max(1, hi + pad)];
}

/**
 * The tokens as points in two embedding dimensions (d3 scales). Dragging a point, or moving a
 * focused one with the arrow keys, edits those two numbers; the axes hold still during a drag
 * so the point stays under the pointer.
 */
export function TokenScatter(props: TokenScatterProps) {
  const { tokens, embeddings, dims, query = null, keyToken = null, onMove } = props;
  const [dx, dy] = dims;
  const flat = dx === dy;
  const svg = useRef<SVGSVGElement>(null);
  const frozen = useRef<{ x: [number, number]; y: [number, number] } | null>(null);
  /** The row being dragged (not always the circle pressed: see `grab`). */
  const dragged = useRef<number | null>(null);
  const live = useMemo(
    () => ({
      x: domainOf(embeddings.map((r) => r[dx])),
      y: domainOf(embeddings.map((r) => r[dy])),
    }),
    [embeddings, dx, dy],
  );
  const domains = frozen.current ?? live;
  const x = scaleLinear()
    .domain(domains.x)
    .range([M.left, W - M.right]);
  const y = scaleLinear()
    .domain(domains.y)
    .range([H - M.bottom, M.top]);

  const centres = embeddings.map((r) => ({
    cx: x(r[dx]),
    cy: flat ? (M.top + H - M.bottom) / 2 : y(r[dy]),
  }));
  const names = tokenNames(tokens);
  const labels = placeLabels(
    centres.map((c, i) => ({ x: c.cx, y: c.cy, text: tokens[i] })),
    [query, keyToken].filter((i) => i !== null),
  );

  const toData = (e: PointerEvent) => {
    const ctm = svg.current?.getScreenCTM();
    if (!ctm) return null;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    return { vx: round2(x.invert(p.x)), vy: round2(y.invert(p.y)) };
  };
  const move = (row: number, vx: number, vy: number) =>
    onMove(row, flat ? { [dx]: vx } : { [dx]: vx, [dy]: vy });
  /**
   * Which point a press grabs: of the points under the pointer, the one whose centre is nearest.
   * The book's "journey" and "starts" nearly coincide, and the top-most circle would always win.
   */
  const grab = (row: number, e: PointerEvent) => {
    const ctm = svg.current?.getScreenCTM();
    if (!ctm) return row;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    let best = row;
    let bestD = Number.POSITIVE_INFINITY;
    centres.forEach((c, i) => {
      const d = Math.hypot(c.cx - p.x, c.cy - p.y);
      if (d <= POINT_RADIUS && d < bestD) {
        best = i;
        bestD = d;
      }
    });
    return best;
  };
  const pointer = (row: number) => ({
    onPointerDown: (e: PointerEvent<SVGCircleElement>) => {
      e.currentTarget.setPointerCapture(e.pointerId);
      frozen.current = domains;
      dragged.current = grab(row, e);
    },
    onPointerMove: (e: PointerEvent<SVGCircleElement>) => {
      if (!frozen.current || dragged.current === null) return;
      const at = toData(e);
      if (at) move(dragged.current, at.vx, at.vy);
    },
    onPointerUp: () => {
      frozen.current = null;
      dragged.current = null;
    },
    onKeyDown: (e: KeyboardEvent) => {
      const step = e.shiftKey ? 0.1 : 0.01;
      const delta: Record<string, [number, number]> = {
        ArrowLeft: [-step, 0],
        ArrowRight: [step, 0],
        ArrowUp: [0, step],
        ArrowDown: [0, -step],
      };
      const d = delta[e.key];
      if (!d) return;
      e.preventDefault();
      e.stopPropagation();
      const r = embeddings[row];
      move(row, round2(r[dx] + d[0]), round2(r[dy] + d[1]));
    },
  });

  return (
    <svg
      ref={svg}
      className="scatter"
      viewBox={`0 0 ${W} ${H}`}
      width={W}
      height={H}
      aria-label={`Tokens in dimensions ${dx + 1} and ${dy + 1}`}
    >
      <g className="axis">
        {x.ticks(TICKS).map((t) => (
          <g key={`x${t}`}>
            <line x1={x(t)} x2={x(t)} y1={M.top} y2={H - M.bottom} className="grid" />
            <text x={x(t)} y={H - M.bottom + 14} textAnchor="middle">
              {tickText(t, top(domains.x))}
            </text>
          </g>
        ))}
        {!flat &&
          y.ticks(TICKS).map((t) => (
            <g key={`y${t}`}>
              <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="grid" />
              <text x={M.left - 6} y={y(t)} textAnchor="end" dominantBaseline="central">
                {tickText(t, top(domains.y))}
              </text>
            </g>
          ))}
        <text x={(M.left + W - M.right) / 2} y={H - 4} textAnchor="middle" className="axis-title">
          dimension {dx + 1} →
        </text>
        {!flat && (
          <text
            transform={`translate(12 ${(M.top + H - M.bottom) / 2}) rotate(-90)`}
            textAnchor="middle"
            className="axis-title"
          >
            dimension {dy + 1} →
          </text>
        )}
      </g>
      {tokens.map((token, i) => {
        const { cx, cy } = centres[i];
        const label = labels[i];
        const role = i === query ? 'query' : i === keyToken ? 'key' : undefined;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: tokens repeat; the position is the identity
          <g key={i} className={role ? `point is-${role}` : 'point'} data-highlight={role}>
            {/* biome-ignore lint/a11y/useSemanticElements: SVG has no <button>; the point is one */}
            <circle
              cx={cx}
              cy={cy}
              r={POINT_RADIUS}
              tabIndex={0}
              role="button"
              aria-label={`Move ${names[i]}: dimension ${dx + 1} = ${embeddings[i][dx]}${flat ? '' : `, dimension ${dy + 1} = ${embeddings[i][dy]}`}`}
              data-token={i}
              {...pointer(i)}
            />
            <title>{token}</title>
            <text
              x={label.x}
              y={label.y}
              textAnchor={label.anchor}
              className={label.hidden ? 'point-label thinned' : 'point-label'}
            >
              {token}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
