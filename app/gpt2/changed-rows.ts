/**
 * The first row of a [size, size] map (at `offset` in both arrays) where `next` differs from
 * `painted`, or `size` when none does. An edit changes a thumbnail's rows from its first changed
 * token down (causal attention), so the rows above it need no repainting; comparing with what
 * is on screen, not trusting the worker, stays right when the client drops a superseded reply.
 */
export function firstChangedRow(
  painted: ArrayLike<number>,
  next: ArrayLike<number>,
  offset: number,
  size: number,
): number {
  for (let r = 0; r < size; r++) {
    const row = offset + r * size;
    for (let c = 0; c < size; c++) if (!Object.is(painted[row + c], next[row + c])) return r;
  }
  return size;
}
