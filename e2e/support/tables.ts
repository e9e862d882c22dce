import { expect, type Page } from '@playwright/test';
import type { Tensor } from '../../src/tensor/tensor.ts';

/** A value as the page prints it in tables: 4 decimals, "-inf" for −∞, never "-0.0000". */
export function fmt(x: number | string): string {
  if (typeof x === 'string') return x; // the oracle writes −∞ as "-inf"
  if (x === Number.NEGATIVE_INFINITY) return '-inf';
  const text = x.toFixed(4);
  return text === '-0.0000' ? '0.0000' : text;
}

/** Rows of a nested fixture array, formatted. */
export function rowsOf(matrix: (number | string)[][]): string[][] {
  return matrix.map((row) => row.map(fmt));
}

/** Rows of the [R, C] block (batch b, head h) of a 4-d trace tensor, or a 3-d one's item b. */
export function blockRows(t: Tensor, b = 0, h = 0): string[][] {
  const [rows, cols] = t.shape.slice(-2);
  const per = rows * cols;
  const start = t.shape.length === 4 ? (b * t.shape[1] + h) * per : b * per;
  return Array.from({ length: rows }, (_, r) =>
    Array.from(t.data.subarray(start + r * cols, start + (r + 1) * cols), fmt),
  );
}

export interface TableText {
  rows: string[];
  cells: string[][];
}

/** Row headers and cell texts of the table with this accessible name, in one round trip. */
export async function readTable(page: Page, name: string): Promise<TableText> {
  const table = page.getByRole('table', { name, exact: true });
  await expect(table).toBeAttached();
  return table.evaluate((el) => {
    const body = [...el.querySelectorAll('tbody tr')];
    return {
      rows: body.map((tr) => tr.querySelector('th')?.textContent?.trim() ?? ''),
      cells: body.map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? ''),
      ),
    };
  });
}

/** Waits until the named table holds exactly these cells (it updates when a result arrives). */
export async function expectCells(page: Page, name: string, cells: string[][]): Promise<void> {
  await expect
    .poll(async () => (await readTable(page, name)).cells, { message: name })
    .toEqual(cells);
}

/** Waits until the row with this header holds these cells. */
export async function expectRow(
  page: Page,
  name: string,
  row: string,
  cells: string[],
): Promise<void> {
  await expect
    .poll(
      async () => {
        const t = await readTable(page, name);
        return t.cells[t.rows.indexOf(row)];
      },
      { message: `${name}, row ${row}` },
    )
    .toEqual(cells);
}

/** Fails the test on any page error or console error. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // ONNX Runtime logs its own session warnings through console.error; they are not ours.
    if (m.type() === 'error' && !m.text().includes('onnxruntime')) errors.push(m.text());
  });
  return errors;
}

/** A full-page screenshot with the window as tall as the page, so sticky bars sit at the end. */
export async function screenshotWhole(page: Page, path: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.min(height, 8000) });
  await page.screenshot({ path, fullPage: true });
  await page.setViewportSize(size);
}
