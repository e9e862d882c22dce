import { interpolateViridis } from 'd3';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { lutOf } from '../../app/heatmap/pixels.ts';

/** Node has no ImageData: the fields the grid's pixels fill. */
beforeAll(() => {
  globalThis.ImageData ??= class {
    constructor(
      readonly data: Uint8ClampedArray,
      readonly width: number,
      readonly height: number,
    ) {}
  } as unknown as typeof ImageData;
});

describe('the head grid’s thumbnail pixels (shadePixels)', () => {
  it('each cell its ramp colour, the cells above the diagonal the mask’s grey, any rows', async () => {
    const { shadePixels } = await import('../../app/gpt2/pixels.ts');
    const ramp = lutOf(interpolateViridis);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (size, a, b, seed) => {
          const row0 = a % size;
          const rows = 1 + (b % (size - row0));
          const offset = 3;
          const shades = Uint8Array.from(
            { length: offset + size * size },
            (_, k) => (k * 37 + seed) % 256,
          );
          const img = shadePixels(shades, offset, size, row0, rows);
          expect([img.width, img.height]).toEqual([size, rows]);
          for (let i = 0; i < rows; i++)
            for (let c = 0; c < size; c++) {
              const r = row0 + i;
              const k = shades[offset + r * size + c];
              const want =
                c > r ? [200, 202, 206, 255] : [ramp[k * 3], ramp[k * 3 + 1], ramp[k * 3 + 2], 255];
              const at = (i * size + c) * 4;
              expect(Array.from(img.data.subarray(at, at + 4))).toEqual(want);
            }
        },
      ),
      { numRuns: 60 },
    );
  });
});
