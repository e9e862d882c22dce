/**
 * Ticks for a log axis at powers of ten only (labels between decades pile up), within
 * [lo, hi]; past `max` of them, every k-th decade from the lowest, so at most `max` remain.
 */
export function decadeTicks(lo: number, hi: number, max = Number.POSITIVE_INFINITY): number[] {
  const all: number[] = [];
  // log10(0) is -Infinity, and -Infinity + 1 never ends the loop.
  if (!(lo > 0 && hi >= lo && Number.isFinite(hi))) return all;
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    // 10 ** -3 is 0.0010000000000000002; the literal from text is the float nearest 1e-3.
    const v = Number(`1e${e}`);
    if (v >= lo && v <= hi) all.push(v);
  }
  const every = Math.max(1, Math.ceil(all.length / max));
  return all.filter((_, i) => i % every === 0);
}
