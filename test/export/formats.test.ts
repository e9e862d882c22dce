import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMatrix, type Matrix, toCsv, toJson, toTorch } from '../../src/export/formats.ts';
import { shortestFloat32 } from '../../src/export/numbers.ts';

const special = { '-inf': -Infinity, inf: Infinity, nan: Number.NaN } as Record<string, number>;

/** Reads a torch.tensor / np.array literal back the way Python would, in JS. */
function parseLiteral(text: string): number[] {
  const body = text
    .replace(/^(torch\.tensor|np\.array)\(/, '')
    .replace(/(, dtype=np\.float32)?\)$/, '')
    .replace(/float\('(-?inf|nan)'\)/g, '"$1"')
    .replace(/(-?)np\.(inf|nan)/g, '"$1$2"');
  return (JSON.parse(body) as (number | string)[][])
    .flat()
    .map((v) => (typeof v === 'string' ? special[v] : v));
}

const book: Matrix = {
  label: 'masked scores',
  rows: ['Your', 'journey'],
  cols: ['Your', 'journey'],
  values: new Float32Array([0.9995, Number.NEGATIVE_INFINITY, 0.9544, Number.NaN]),
};

const matrices = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
  .chain(([r, c]) =>
    fc.record({
      label: fc.constant('m'),
      rows: fc.constant(Array.from({ length: r }, (_, i) => `t${i}`)),
      cols: fc.constant(Array.from({ length: c }, (_, i) => `t${i}`)),
      values: fc.float32Array({ minLength: r * c, maxLength: r * c }),
    }),
  );

describe('exports', () => {
  it('spells the book’s numbers, −∞ and NaN as PyTorch reads them', () => {
    expect(toTorch(book, 4)).toBe(
      "torch.tensor([[0.9995, float('-inf')],\n              [0.9544, float('nan')]])",
    );
    expect(formatMatrix(book, 'numpy', 4)).toBe(
      'np.array([[0.9995, -np.inf],\n          [0.9544, np.nan]], dtype=np.float32)',
    );
    expect(toCsv(book, 4)).toBe(',Your,journey\nYour,0.9995,-inf\njourney,0.9544,nan\n');
    expect(JSON.parse(toJson(book, 'full'))).toEqual({
      name: 'masked scores',
      rows: ['Your', 'journey'],
      cols: ['Your', 'journey'],
      values: [
        [0.9995, '-inf'],
        [0.9544, 'nan'],
      ],
    });
  });

  it('quotes CSV labels that hold commas or quotes', () => {
    const m = { ...book, rows: ['a,b', 'say "hi"'] };
    expect(toCsv(m, 4).split('\n')[1]).toBe('"a,b",0.9995,-inf');
    expect(toCsv(m, 4).split('\n')[2]).toBe('"say ""hi""",0.9544,nan');
  });

  it('full precision: the shortest decimal that reads back as the same float32', () => {
    expect(shortestFloat32(0.1)).toBe('0.1');
    expect(shortestFloat32(Math.fround(0.4419))).toBe('0.4419');
    expect(shortestFloat32(3e38)).toBe('3.0e38');
    fc.assert(
      fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), (x) => {
        return Math.fround(Number(shortestFloat32(x))) === Math.fround(x);
      }),
    );
  });

  it('every literal parses back to the same float32 values (full) or within 5e-5 (4 decimals)', () => {
    fc.assert(
      fc.property(matrices, (m) => {
        const want = Array.from(m.values);
        for (const format of ['torch', 'numpy'] as const) {
          const full = parseLiteral(formatMatrix(m, format, 'full')).map(Math.fround);
          expect(full).toEqual(want);
        }
        const fromJson = (JSON.parse(toJson(m, 'full')).values as (number | string)[][])
          .flat()
          .map((v) => Math.fround(typeof v === 'string' ? special[v] : v));
        // JSON numbers have no −0; every other float32 comes back exactly.
        expect(fromJson).toEqual(want.map((x) => (x === 0 ? 0 : x)));
        parseLiteral(toTorch(m, 4)).forEach((x, i) => {
          if (Number.isFinite(want[i]) && Math.abs(want[i]) < 1e6)
            expect(Math.abs(x - want[i])).toBeLessThanOrEqual(5e-5 + Math.abs(want[i]) * 1e-7);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('PyTorch itself reads the full-precision literal back bit for bit', () => {
    const m: Matrix = {
      label: 'x',
      rows: ['a', 'b', 'c'],
      cols: ['a', 'b', 'c'],
      values: new Float32Array([
        0.1,
        -0.2,
        1 / 3,
        1e-8,
        -3.4e38,
        2 ** -140,
        Number.NEGATIVE_INFINITY,
        Number.NaN,
        0.5517,
      ]),
    };
    const script = `import torch\nt = ${toTorch(m, 'full')}\nprint(t.dtype)\nprint(repr(t.flatten().tolist()))`;
    const out = execFileSync('/usr/bin/python3', ['-c', script], { encoding: 'utf8' }).split('\n');
    expect(out[0]).toBe('torch.float32');
    const back = parseLiteral(
      `torch.tensor([${out[1].replace(/\bnan\b/, "float('nan')").replace(/-inf\b/, "float('-inf')")}])`,
    );
    expect(back).toEqual(Array.from(m.values));
  }, 300_000);
});
