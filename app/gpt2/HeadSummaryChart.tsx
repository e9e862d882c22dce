import { extent, scaleLinear } from 'd3';
import { memo } from 'react';
import { ScrollRegion } from './ScrollRegion.tsx';

const W = 300;
const H = 170;
const M = { left: 40, right: 10, top: 10, bottom: 34 };

/**
 * Per-head summary as a small d3 scatter: x = mean distance looked back (tokens), y = mean row
 * entropy (nats). A head far right reaches far back; a head low down looks at few tokens. The
 * table beside it is the same numbers as text.
 */
export const HeadSummaryChart = memo(function HeadSummaryChart({
  entropy,
  lookback,
  open,
}: {
  entropy: number[];
  lookback: number[];
  open: number | null;
}) {
  const [x0, x1] = extent(lookback) as [number, number];
  const [y0, y1] = extent(entropy) as [number, number];
  const x = scaleLinear()
    .domain([Math.min(0, x0 ?? 0), (x1 ?? 1) || 1])
    .nice()
    .range([M.left, W - M.right]);
  const y = scaleLinear()
    .domain([Math.min(0, y0 ?? 0), (y1 ?? 1) || 1])
    .nice()
    .range([H - M.bottom, M.top]);
  return (
    <figure className="gpt2-summary">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label="head summary chart: entropy against distance looked back"
      >
        {x.ticks(4).map((v) => (
          <g key={`x${v}`} transform={`translate(${x(v)},${H - M.bottom})`}>
            <line y2={4} stroke="currentColor" />
            <text y={16} textAnchor="middle" fontSize={10} fill="currentColor">
              {v}
            </text>
          </g>
        ))}
        {y.ticks(4).map((v) => (
          <g key={`y${v}`} transform={`translate(${M.left},${y(v)})`}>
            <line x2={-4} stroke="currentColor" />
            <text x={-6} dy="0.32em" textAnchor="end" fontSize={10} fill="currentColor">
              {v}
            </text>
          </g>
        ))}
        <line
          x1={M.left}
          x2={W - M.right}
          y1={H - M.bottom}
          y2={H - M.bottom}
          stroke="currentColor"
        />
        <line x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} stroke="currentColor" />
        <text
          x={(M.left + W - M.right) / 2}
          y={H - 4}
          textAnchor="middle"
          fontSize={10}
          fill="currentColor"
        >
          mean distance looked back (tokens)
        </text>
        {entropy.map((e, h) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: heads are positions
          <g key={h} transform={`translate(${x(lookback[h])},${y(e)})`}>
            <circle r={h === open ? 8 : 6} className={h === open ? 'gpt2-dot open' : 'gpt2-dot'} />
            <text dy="0.32em" textAnchor="middle" fontSize={8} fill="#fff">
              {h + 1}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        Each dot is a head: up = attention spread over more tokens (entropy, nats).
      </figcaption>
      <ScrollRegion label="head summaries, scrollable">
        <table aria-label="head summaries">
          <thead>
            <tr>
              <th scope="col">head</th>
              <th scope="col">entropy (nats)</th>
              <th scope="col">looks back (tokens)</th>
            </tr>
          </thead>
          <tbody>
            {entropy.map((e, h) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: heads are positions
              <tr key={h}>
                <th scope="row">{h + 1}</th>
                <td>{e.toFixed(3)}</td>
                <td>{lookback[h].toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </figure>
  );
});
