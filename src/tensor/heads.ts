/**
 * The reshape/transpose pair of multi-head attention, on row-major buffers:
 * [b, T, H·hd] ⇄ [b, H, T, hd] (PyTorch: `.view(b, T, H, hd).transpose(1, 2)` and back).
 */

/** [b, A, B, hd] → [b, B, A, hd]: `.transpose(1, 2)` of a contiguous buffer (a copy). */
function swapAxes12(x: Float32Array, b: number, a: number, c: number, hd: number): Float32Array {
  const out = new Float32Array(x.length);
  for (let bi = 0; bi < b; bi++) {
    for (let ai = 0; ai < a; ai++) {
      for (let ci = 0; ci < c; ci++) {
        const from = ((bi * a + ai) * c + ci) * hd;
        out.set(x.subarray(from, from + hd), ((bi * c + ci) * a + ai) * hd);
      }
    }
  }
  return out;
}

/** [b, T, H·hd] → [b, H, T, hd]. */
export function splitHeads(x: Float32Array, b: number, t: number, h: number, hd: number) {
  return swapAxes12(x, b, t, h, hd);
}

/** [b, H, T, hd] → [b, T, H·hd]. */
export function mergeHeads(x: Float32Array, b: number, t: number, h: number, hd: number) {
  return swapAxes12(x, b, h, t, hd);
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
