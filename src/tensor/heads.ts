/**
 * The reshape/transpose pair of multi-head attention, on row-major buffers:
 * [b, T, H·hd] ⇄ [b, H, T, hd] (PyTorch: `.view(b, T, H, hd).transpose(1, 2)` and back).
 */
export function splitHeads(
  x: Float32Array,
  b: number,
  t: number,
  h: number,
  hd: number,
): Float32Array {
  const out = new Float32Array(x.length);
  for (let bi = 0; bi < b; bi++) {
    for (let ti = 0; ti < t; ti++) {
      for (let hi = 0; hi < h; hi++) {
        const from = ((bi * t + ti) * h + hi) * hd;
        out.set(x.subarray(from, from + hd), ((bi * h + hi) * t + ti) * hd);
      }
    }
  }
  return out;
}

export function mergeHeads(
  x: Float32Array,
  b: number,
  t: number,
  h: number,
  hd: number,
): Float32Array {
  const out = new Float32Array(x.length);
  for (let bi = 0; bi < b; bi++) {
    for (let hi = 0; hi < h; hi++) {
      for (let ti = 0; ti < t; ti++) {
        const from = ((bi * h + hi) * t + ti) * hd;
        out.set(x.subarray(from, from + hd), ((bi * t + ti) * h + hi) * hd);
      }
    }
  }
  return out;
}
/** Per-head [b, T, hd] buffers → one [b, h, T, hd] buffer. */
export function stackHeads(heads: Float32Array[], b: number, t: number, hd: number): Float32Array {
  const h = heads.length;
  const out = new Float32Array(b * h * t * hd);
  const block = t * hd;
  heads.forEach((head, hi) => {
    for (let bi = 0; bi < b; bi++) {
      out.set(head.subarray(bi * block, (bi + 1) * block), (bi * h + hi) * block);
    }
  });
  return out;
}
