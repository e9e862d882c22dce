/** The tokens the head view draws: a run of consecutive token indices [start, start + size). */
export interface TokenWindow {
  start: number;
  size: number;
}

/**
 * Rows of lines past a few dozen tokens are unreadable (a 1,024-token view would be a grey
 * wall), so long inputs show a window of at most `max` tokens around the focused one, moved
 * only when the focus comes within `margin` tokens of its edge (so arrow keys do not scroll
 * the whole picture on every step).
 */
export function windowAround(
  t: number,
  focus: number,
  max: number,
  current: TokenWindow | null = null,
  margin = 2,
): TokenWindow {
  const size = Math.max(0, Math.min(t, max));
  if (size === t) return { start: 0, size };
  const f = Math.max(0, Math.min(t - 1, Math.round(focus)));
  if (current && current.size === size && current.start + size <= t) {
    const inside = f >= current.start + margin && f < current.start + size - margin;
    const atEnds =
      (current.start === 0 && f < margin) || (current.start + size === t && f >= t - margin);
    // A window narrower than its margins holds no focus "inside"; it must still hold this one.
    const holds = f >= current.start && f < current.start + size;
    if (holds && (inside || atEnds)) return current;
  }
  const start = Math.max(0, Math.min(t - size, f - Math.floor(size / 2)));
  return { start, size };
}
