/**
 * The first row of a [size, size] map of ramp indices (at `offset` in both arrays) where `next`
 * differs from `painted`, or `size` when none does. An edit changes a thumbnail's rows from its
 * first changed token down (causal attention), so the rows above it need no repainting;
 * comparing with what is on screen, not trusting the worker, stays right when the client drops
 * a superseded reply.
 */
export function firstChangedRow(
  painted: Uint8Array,
  next: Uint8Array,
  offset: number,
  size: number,
): number {
  for (let r = 0; r < size; r++) {
    const row = offset + r * size;
    for (let c = 0; c < size; c++) if (painted[row + c] !== next[row + c]) return r;
  }
  return size;
}
