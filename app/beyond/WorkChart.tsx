import { line, scaleLinear } from 'd3';
import type { WorkPoint } from '../../src/chapter/beyond/work.ts';
import { PlotFrame } from '../chart/PlotFrame.tsx';

const FRAME = { W: 520, H: 240, M: { top: 12, right: 90, bottom: 36, left: 56 } };
const { W, H, M } = FRAME;
const SERIES = [
  { key: 'without', name: 'no cache', colour: '#c9302c', dash: '' },
  { key: 'with', name: 'KV cache', colour: '#3b6a9a', dash: '6 3' },
] as const;

/** Multiply-adds spent generating up to T tokens, with and without the cache; `at` is marked. */
export function WorkChart({ curve, at }: { curve: WorkPoint[]; at: number }) {
  const first = curve[0].tokens;
  const last = curve[curve.length - 1];
  const x = scaleLinear([first, Math.max(first + 1, last.tokens)], [M.left, W - M.right]);
  const y = scaleLinear([0, last.without], [H - M.bottom, M.top]).nice();
  const summary = `at T = ${last.tokens}: ${last.without.toLocaleString('en')} without a cache, ${last.with.toLocaleString('en')} with it`;
  return (
    <figure className="work-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Multiply-adds against tokens so far, ${summary}`}
      >
        <PlotFrame
          frame={FRAME}
          axes={{ x, y, xTicks: Math.max(1, Math.min(8, last.tokens - first)), yFormat: '~s' }}
          xLabel="tokens so far (T)"
          yLabel="multiply-adds, total"
        />
        <line x1={x(at)} x2={x(at)} y1={M.top} y2={H - M.bottom} className="now-line" />
        {SERIES.map((s, i) => (
          <g key={s.key}>
            <path
              d={
                line<WorkPoint>()
                  .x((p) => x(p.tokens))
                  .y((p) => y(p[s.key]))(curve) ?? ''
              }
              fill="none"
              stroke={s.colour}
              strokeWidth={2}
              strokeDasharray={s.dash}
            />
            <text
              x={W - M.right + 6}
              y={M.top + 12 + i * 16}
              className="legend-text"
              fill={s.colour}
            >
              {s.name}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>Total multiply-adds {summary}.</figcaption>
    </figure>
  );
}
