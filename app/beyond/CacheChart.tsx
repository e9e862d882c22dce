import { line, scaleLinear } from 'd3';
import type { CompareRow } from '../../src/chapter/beyond/compare.ts';
import { formatBytes, kvCacheBytes } from '../../src/chapter/beyond/kv-sizes.ts';
import { PlotFrame } from '../chart/PlotFrame.tsx';

const FRAME = { W: 520, H: 260, M: { top: 12, right: 150, bottom: 36, left: 64 } };
const { W, H, M } = FRAME;
const GIB = 2 ** 30;
const DASH: Record<string, string> = { MHA: '', GQA: '6 3', MQA: '2 3' };

/** KV-cache size of one sequence against context length, one line per model and sharing kind. */
export function CacheChart({ rows, maxTokens = 8192 }: { rows: CompareRow[]; maxTokens?: number }) {
  const real = rows.filter((r) => r.shape.num_layers > 1);
  const top = Math.max(...real.map((r) => kvCacheBytes(r.shape, maxTokens))) / GIB;
  const x = scaleLinear([0, maxTokens], [M.left, W - M.right]);
  const y = scaleLinear([0, top], [H - M.bottom, M.top]).nice();
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
        <PlotFrame
          frame={FRAME}
          axes={{ x, y }}
          xLabel="context length (tokens)"
          yLabel="KV cache (GiB, 16-bit)"
        />
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
      </svg>
      <figcaption>{summary}.</figcaption>
    </figure>
  );
}
