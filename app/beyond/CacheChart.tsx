import { axisBottom, axisLeft, line, scaleLinear, select } from 'd3';
import { useEffect, useRef } from 'react';
import type { CompareRow } from '../../src/chapter/beyond/compare.ts';
import { formatBytes, kvCacheBytes } from '../../src/chapter/beyond/kv-sizes.ts';

const W = 520;
const H = 260;
const M = { top: 12, right: 150, bottom: 36, left: 64 };
const GIB = 2 ** 30;
const DASH: Record<string, string> = { MHA: '', GQA: '6 3', MQA: '2 3' };

/** KV-cache size of one sequence against context length, one line per model and sharing kind. */
export function CacheChart({ rows, maxTokens = 8192 }: { rows: CompareRow[]; maxTokens?: number }) {
  const axes = useRef<SVGGElement>(null);
  const real = rows.filter((r) => r.shape.num_layers > 1);
  const top = Math.max(...real.map((r) => kvCacheBytes(r.shape, maxTokens))) / GIB;
  const x = scaleLinear([0, maxTokens], [M.left, W - M.right]);
  const y = scaleLinear([0, top], [H - M.bottom, M.top]).nice();
  useEffect(() => {
    if (!axes.current) return;
    const g = select(axes.current);
    g.selectAll('*').remove();
    g.append('g')
      .attr('transform', `translate(0,${H - M.bottom})`)
      .call(axisBottom(x).ticks(5));
    g.append('g').attr('transform', `translate(${M.left},0)`).call(axisLeft(y).ticks(5));
  }, [x, y]);
  const path = line<number>()
    .x((t) => x(t))
    .y((t) => y(t));
  const colour = (model: string) => (model.startsWith('GPT') ? '#4e79a7' : '#e15759');
  const summary = real
    .map((r) => `${r.model} ${r.kind}: ${formatBytes(kvCacheBytes(r.shape, maxTokens))}`)
    .join('; ');
  return (
    <figure className="cache-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`KV-cache size against context length, at ${maxTokens} tokens: ${summary}`}
      >
        <g ref={axes} className="axes" />
        {real.map((r, i) => {
          const fn = (t: number) => kvCacheBytes(r.shape, t) / GIB;
          const d = path.y((t) => y(fn(t)))([0, maxTokens]) ?? '';
          return (
            <g key={`${r.model} ${r.kind}`}>
              <path
                d={d}
                fill="none"
                stroke={colour(r.model)}
                strokeWidth={2}
                strokeDasharray={DASH[r.kind]}
              />
              <text
                x={W - M.right + 6}
                y={M.top + 12 + i * 16}
                className="legend-text"
                fill={colour(r.model)}
              >
                {r.model.replace(' (124M)', '')} {r.kind}
              </text>
            </g>
          );
        })}
        <text x={(M.left + W - M.right) / 2} y={H - 4} textAnchor="middle" className="axis-title">
          context length (tokens)
        </text>
        <text
          transform={`translate(14,${H / 2}) rotate(-90)`}
          textAnchor="middle"
          className="axis-title"
        >
          KV cache (GiB, 16-bit)
        </text>
      </svg>
      <figcaption>{summary}.</figcaption>
    </figure>
  );
}
