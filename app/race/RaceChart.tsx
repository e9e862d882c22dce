import { line, scaleLog, scaleOrdinal, schemeTableau10 } from 'd3';
import { useCallback, useMemo, useRef, useState } from 'react';
import { IMPL_IDS, IMPL_SHORT, type ImplId } from '../../src/race/implementations.ts';
import { isMeasured, type MeasuredRow, type RaceRow } from '../../src/race/protocol.ts';
import { decadeTicks } from '../chart/log-ticks.ts';
import { PlotFrame } from '../chart/PlotFrame.tsx';

const H = 300;
const M = { top: 12, right: 16, bottom: 34, left: 56 };
/** The chart is drawn at its box's width (text stays legible on a phone), within these. */
const MIN_W = 300;
const MAX_W = 640;

/** The width of an element, followed as it resizes. */
function useWidth(): [(el: HTMLElement | null) => void, number] {
  const [width, setWidth] = useState(MAX_W);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((el: HTMLElement | null) => {
    observer.current?.disconnect();
    if (!el) return;
    observer.current = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width));
    observer.current.observe(el);
  }, []);
  return [ref, Math.round(Math.min(MAX_W, Math.max(MIN_W, width)))];
}

const colour = scaleOrdinal<ImplId, string>(IMPL_IDS, schemeTableau10.concat(['#555', '#a05']));

/** Time per forward pass against T, both axes log scale, one line per implementation. */
export function RaceChart({ rows }: { rows: readonly RaceRow[] }) {
  const [box, W] = useWidth();
  const { lines, x, y, xTicks, yTicks } = useMemo(() => {
    const measured = rows.filter(isMeasured);
    const ts = measured.map((r) => r.T);
    const ms = measured.map((r) => r.median_ms);
    const tLo = Math.min(...ts, 16);
    const tHi = Math.max(...ts, tLo * 2);
    const msLo = Math.max(1e-3, Math.min(...ms, 1) / 1.5);
    const msHi = Math.max(...ms, msLo * 10) * 1.5;
    const x = scaleLog()
      .domain([tLo, tHi])
      .range([M.left, W - M.right]);
    const y = scaleLog()
      .domain([msLo, msHi])
      .range([H - M.bottom, M.top]);
    const byImpl = new Map<ImplId, MeasuredRow[]>();
    for (const r of measured) byImpl.set(r.impl, [...(byImpl.get(r.impl) ?? []), r]);
    const path = line<MeasuredRow>()
      .x((r) => x(r.T))
      .y((r) => y(r.median_ms));
    const lines = [...byImpl].map(([impl, rs]) => ({ impl, rs, d: path(rs) ?? '' }));
    const xTicks = [...new Set(ts)].sort((a, b) => a - b);
    return { lines, x, y, xTicks, yTicks: decadeTicks(msLo, msHi) };
  }, [rows, W]);
  return (
    <figure className="race-chart" ref={box}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Time per forward pass against T, log scales: ${lines.length} implementations`}
      >
        <PlotFrame
          frame={{ W, H, M }}
          ticks={yTicks}
          y={y}
          label={(t) => `${t >= 1 ? t : t.toPrecision(1)} ms`}
          xLabel="T (tokens)"
        />
        {xTicks.map((t) => (
          <text key={t} x={x(t)} y={H - M.bottom + 14} textAnchor="middle">
            {t}
          </text>
        ))}
        {lines.map(({ impl, rs, d }) => (
          <g key={impl} className="race-line" data-impl={impl} style={{ color: colour(impl) }}>
            <path d={d} />
            {rs.map((r) => (
              <circle key={r.T} cx={x(r.T)} cy={y(r.median_ms)} r={3} />
            ))}
          </g>
        ))}
      </svg>
      <figcaption>
        <ul className="race-legend">
          {lines.map(({ impl }) => (
            <li key={impl}>
              <span className="swatch" style={{ background: colour(impl) }} aria-hidden="true" />
              {IMPL_SHORT[impl]}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
