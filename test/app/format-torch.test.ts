import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CELL_CHARS, printerFor } from '../../app/heatmap/format.ts';
import { formatSci, notationOf } from '../../src/chapter/format.ts';

/**
 * A tensor printed as PyTorch prints it: the notation is decided once for the whole tensor, so a
 * training page's ~1e-5 gradients read as numbers, not as 0.0000. The expected strings are
 * PyTorch's own (torch 1.13, `print(torch.tensor(...))`, float32).
 */

const f32 = (xs: number[]) => Float32Array.from(xs);
const table = (xs: number[]) => Array.from(f32(xs), printerFor(f32(xs), 'torch').table);
const cells = (xs: number[]) => Array.from(f32(xs), printerFor(f32(xs), 'torch').cell);

describe('notationOf: PyTorch’s _Formatter rule', () => {
  it('prints as torch does for tiny, spread and ordinary tensors', () => {
    // torch.manual_seed(0); torch.randn(3, 2) * 3e-5
    const grads = [
      4.622988126357086e-5, -8.802866432233714e-6, -6.536368164233863e-5, 1.705293652776163e-5,
      -3.253567047067918e-5, -4.1957860958063975e-5,
    ];
    expect(table(grads)).toEqual([
      '4.6230e-05',
      '-8.8029e-06',
      '-6.5364e-05',
      '1.7053e-05',
      '-3.2536e-05',
      '-4.1958e-05',
    ]);
    // min < 1e-4: tensor([ 1.2300e-02, -4.5670e-01,  9.0000e-05])
    expect(table([0.0123, -0.4567, 0.00009])).toEqual(['1.2300e-02', '-4.5670e-01', '9.0000e-05']);
    // max / min > 1e3: tensor([ 1.2300e-02, -4.5670e-01,  2.0000e-04])
    expect(table([0.0123, -0.4567, 0.0002])).toEqual(['1.2300e-02', '-4.5670e-01', '2.0000e-04']);
    // Zeros do not count, and print in the tensor's notation: tensor([ 1.5000e-12, -2.2500e-11,  0.0000e+00])
    expect(table([1.5e-12, -2.25e-11, 0])).toEqual(['1.5000e-12', '-2.2500e-11', '0.0000e+00']);
    // tensor([0.0500, 0.0001]): both rules hold, 4 decimals as the book.
    expect(table([0.05, 0.00011])).toEqual(['0.0500', '0.0001']);
    // Infinities and NaN are left out of the choice: tensor([5.0000e-01, 2.0000e-04, -inf])
    expect(notationOf(f32([0.5, 0.0002, Number.NEGATIVE_INFINITY]))).toBe('sci');
    expect(notationOf(f32([0.5, 0.2, Number.NEGATIVE_INFINITY, Number.NaN]))).toBe('fixed');
    expect(notationOf(f32([0, 0]))).toBe('fixed');
    expect(notationOf(f32([2e8, 1e8]))).toBe('sci');
  });

  it('keeps the book’s 4 decimals unless asked for PyTorch’s choice', () => {
    const tiny = f32([3.2e-5, -1.1e-6]);
    expect(Array.from(tiny, printerFor(tiny).table)).toEqual(['0.0000', '0.0000']);
    expect(Array.from(tiny, printerFor(tiny, 'torch').table)).toEqual([
      '3.2000e-05',
      '-1.1000e-06',
    ]);
  });

  it('prints cells short, one mantissa decimal while every cell has room', () => {
    expect(cells([3.2e-5, -1.1e-6, 0])).toEqual(['3.2e-5', '-1.1e-6', '0']);
    // One cell of -x.xe-10 would take 8 characters: the whole tensor drops its decimal.
    expect(cells([3.2e-5, -1.1e-10])).toEqual(['3e-5', '-1e-10']);
    expect(cells([0.25, -0.5])).toEqual(['0.2500', '-0.5000']);
    expect(formatSci(Number.NEGATIVE_INFINITY, 1, 'math')).toBe('−∞');
    expect(formatSci(Number.NEGATIVE_INFINITY, 4)).toBe('-inf');
    expect(formatSci(1234.5, 4)).toBe('1.2345e+03');
  });
});

/** Half a unit in the last printed place of `text` ("-3.2e-5": 0.05e-5; "0.2379": 0.00005). */
function halfUlp(text: string): number {
  const [mantissa, exponent = '0'] = text.split('e');
  const decimals = mantissa.split('.')[1]?.length ?? 0;
  return 0.5 * 10 ** (Number(exponent) - decimals);
}

/** Values of every size from 1e-12 to 1e9, some zero, as float32. */
const tensors = fc
  .array(
    fc.oneof(
      fc.constant(0),
      fc
        .tuple(fc.double({ min: 1, max: 9.99, noNaN: true }), fc.integer({ min: -12, max: 9 }))
        .chain(([m, e]) => fc.constantFrom(m * 10 ** e, -m * 10 ** e)),
    ),
    { minLength: 1, maxLength: 36 },
  )
  .map(f32);

describe('a tensor printed as PyTorch prints it (property)', () => {
  it('uses one notation for all its cells, reads back within its printed precision, never prints a nonzero as 0', () => {
    fc.assert(
      fc.property(tensors, (values) => {
        const printer = printerFor(values, 'torch');
        const sci = notationOf(values) === 'sci';
        for (const print of [printer.cell, printer.table]) {
          const texts = Array.from(values, print);
          // One notation for the whole tensor: the table's is PyTorch's; the cells' may be
          // scientific for a tensor of large fixed-notation numbers too wide for a cell.
          const finite = texts.filter((_, i) => Number.isFinite(values[i]) && values[i] !== 0);
          const marks = new Set(finite.map((t) => t.includes('e')));
          expect(marks.size).toBeLessThanOrEqual(1);
          if (print === printer.table || sci) expect([...marks].every((m) => m === sci)).toBe(true);
          // …and one number of digits: the same decimals in every cell.
          expect(
            new Set(finite.map((t) => t.split('e')[0].split('.')[1]?.length ?? 0)).size,
          ).toBeLessThanOrEqual(1);
          texts.forEach((text, i) => {
            const v = values[i];
            const back = Number(text);
            // (plus the rounding of the subtraction itself, for a value exactly halfway)
            expect(Math.abs(back - v), `${v} → ${text}`).toBeLessThanOrEqual(
              halfUlp(text) * (1 + 1e-9) + Math.abs(v) * 2 ** -50,
            );
            if (v !== 0) expect(back, `${v} → ${text}`).not.toBe(0);
          });
        }
        for (const v of values) expect(printer.cell(v).length).toBeLessThanOrEqual(CELL_CHARS);
        if (sci) {
          // The table's column lines up: every value one width but for its sign.
          const widths = new Set(
            Array.from(values, (v) => printer.table(v).replace(/^-/, '').length),
          );
          expect(widths.size).toBe(1);
        }
      }),
      { numRuns: 500 },
    );
  });
});
