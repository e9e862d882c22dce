import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CELL_CHARS, formatCell, formatValue } from '../../app/heatmap/format.ts';

describe('formatValue fits a heatmap cell', () => {
  it('keeps 4 decimals while they fit, then fewer, then 1.0e6', () => {
    expect(formatValue(0.23791)).toBe('0.2379');
    expect(formatValue(-12.34567)).toBe('-12.346');
    expect(formatValue(123.45678)).toBe('123.457');
    expect(formatValue(-123456.7)).toBe('-1.2e5');
    expect(formatValue(12345.67)).toBe('12345.7');
    expect(formatValue(1e6)).toBe('1.0e6');
    expect(formatValue(-2.5e6)).toBe('-2.5e6');
    expect(formatCell(1e6)).toBe('1000000.0000'); // the table keeps every digit
  });

  it('is never longer than a cell holds, and reads back within 5 %', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e7, max: 1e7, noNaN: true }), (x) => {
        const text = formatValue(x);
        expect(text.length).toBeLessThanOrEqual(CELL_CHARS);
        expect(Math.abs(Number(text) - x)).toBeLessThanOrEqual(Math.max(5e-5, Math.abs(x) * 0.05));
      }),
    );
  });
});
