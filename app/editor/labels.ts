/**
 * Where to put each point's label so labels do not overlap (the book's "journey" and "starts"
 * sit almost on top of each other): try above-right, then below-right, above-left, below-left;
 * a label with no free spot is hidden until its point is hovered or focused.
 */
export interface Placed {
  x: number;
  y: number;
  anchor: 'start' | 'end';
  /** No free spot: drawn only while its point is hovered or focused (32 tokens pile up). */
  hidden?: boolean;
}

const CHAR = 6.6;
const HEIGHT = 13;

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Labels of `first` (the focused query and key) are placed before the others. */
export function placeLabels(
  points: { x: number; y: number; text: string }[],
  first: readonly number[] = [],
): Placed[] {
  const taken: Box[] = [];
  const order = [...new Set([...first.filter((i) => i < points.length), ...points.keys()])];
  const placed: Placed[] = new Array(points.length);
  for (const i of order) placed[i] = place(points[i]);
  return placed;

  function place({ x, y, text }: { x: number; y: number; text: string }): Placed {
    const width = text.length * CHAR;
    const options: Placed[] = [
      { x: x + 11, y: y - 9, anchor: 'start' },
      { x: x + 11, y: y + 16, anchor: 'start' },
      { x: x - 11, y: y - 9, anchor: 'end' },
      { x: x - 11, y: y + 16, anchor: 'end' },
    ];
    const boxOf = (p: Placed): Box => {
      const left = p.anchor === 'start' ? p.x : p.x - width;
      return { left, right: left + width, top: p.y - HEIGHT + 3, bottom: p.y + 3 };
    };
    const chosen = options.find((p) => !taken.some((t) => overlaps(t, boxOf(p))));
    if (!chosen) return { ...options[0], hidden: true };
    taken.push(boxOf(chosen));
    return chosen;
  }
}
