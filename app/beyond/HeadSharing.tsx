import { schemeTableau10 } from 'd3';
import { kvGroupOf, kvSharingWords } from '../../src/chapter/beyond/kv-sizes.ts';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Colour of key/value head g, shared by the query heads it serves. */
export const groupColour = (g: number) => schemeTableau10[g % schemeTableau10.length];

/**
 * Which query heads share which key/value head: one coloured box per query head above its
 * K/V head, as `repeat_interleave` assigns them (consecutive heads share). Its sentence
 * (`kvSharingWords`) is the picture's accessible name; the control prints it beside the count.
 */
export function HeadSharing({ heads, groups }: { heads: number; groups: number }) {
  const box = 44;
  const gap = 8;
  const width = heads * (box + gap) + gap;
  const kvWidth = (box + gap) * (heads / groups) - gap;
  const label = kvSharingWords(heads, groups);
  return (
    <figure className="head-sharing">
      <svg
        viewBox={`0 0 ${width} 130`}
        // Boxes keep one size whatever the head count (two heads draw half as wide as four), small
        // enough that the heatmaps below stay near the editor at 1280×720.
        style={{ width: `${width}px`, maxWidth: '100%' }}
        role="img"
        aria-label={`Head sharing: ${label}`}
      >
        {range(heads).map((h) => {
          const g = kvGroupOf(h, heads, groups);
          const x = gap + h * (box + gap);
          const kvX = gap + g * (kvWidth + gap) + kvWidth / 2;
          return (
            <g key={`Q${h + 1}`}>
              <line
                x1={x + box / 2}
                y1={34}
                x2={kvX}
                y2={88}
                stroke={groupColour(g)}
                strokeWidth={2}
              />
              <rect x={x} y={4} width={box} height={30} rx={4} fill={groupColour(g)} />
              <text x={x + box / 2} y={24} textAnchor="middle" className="head-text">
                Q{h + 1}
              </text>
            </g>
          );
        })}
        {range(groups).map((g) => {
          const x = gap + g * (kvWidth + gap);
          return (
            <g key={`KV${g + 1}`}>
              <rect x={x} y={88} width={kvWidth} height={30} rx={4} fill={groupColour(g)} />
              <text x={x + kvWidth / 2} y={108} textAnchor="middle" className="head-text">
                K/V {g + 1}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
