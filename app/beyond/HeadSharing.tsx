import { schemeTableau10 } from 'd3';
import { kvGroupOf, kvSharingWords } from '../../src/chapter/beyond/kv-sizes.ts';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The rows of boxes: query heads at Q_Y, their K/V heads at KV_Y, as short as stays readable. */
const BOX_H = 26;
const Q_Y = 2;
const KV_Y = 56;
const HEIGHT = KV_Y + BOX_H + 2;
/** The 13px label's baseline, centred in its box. */
const TEXT_DY = 18;

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
        viewBox={`0 0 ${width} ${HEIGHT}`}
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
                y1={Q_Y + BOX_H}
                x2={kvX}
                y2={KV_Y}
                stroke={groupColour(g)}
                strokeWidth={2}
              />
              <rect x={x} y={Q_Y} width={box} height={BOX_H} rx={4} fill={groupColour(g)} />
              <text x={x + box / 2} y={Q_Y + TEXT_DY} textAnchor="middle" className="head-text">
                Q{h + 1}
              </text>
            </g>
          );
        })}
        {range(groups).map((g) => {
          const x = gap + g * (kvWidth + gap);
          return (
            <g key={`KV${g + 1}`}>
              <rect x={x} y={KV_Y} width={kvWidth} height={BOX_H} rx={4} fill={groupColour(g)} />
              <text
                x={x + kvWidth / 2}
                y={KV_Y + TEXT_DY}
                textAnchor="middle"
                className="head-text"
              >
                K/V {g + 1}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
