// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { color } from 'd3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { colourScale } from '../../app/heatmap/colour.ts';
import { formatCell, formatValue } from '../../app/heatmap/format.ts';
import { Heatmap } from '../../app/heatmap/Heatmap.tsx';
import { HeatmapCanvas } from '../../app/heatmap/HeatmapCanvas.tsx';
import { HeatmapTable } from '../../app/heatmap/HeatmapTable.tsx';
import { highlightFor } from '../../app/heatmap/highlight.ts';
import { paintPixels } from '../../app/heatmap/pixels.ts';
import { CELL, type Panel } from '../../src/chapter/panels/index.ts';

afterEach(cleanup);

const rows = ['a', 'b'];
const cols = ['a', 'b'];
const values = Float32Array.from([0.1, 0.9, 0.25, 0.75]);
/** A 2 × 2 matrix, as every picture and table takes it. */
const small = { values, rows, cols };

describe('HeatmapTable', () => {
  it('names the table and labels rows by query and columns by key', () => {
    render(<HeatmapTable {...small} label="attention weights" />);
    const table = screen.getByRole('table', { name: 'attention weights' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['query \\ key', 'a', 'b']);
    const rowHeaders = within(table)
      .getAllByRole('rowheader')
      .map((h) => h.textContent);
    expect(rowHeaders).toEqual(['a', 'b']);
    const cells = within(table)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual(['0.1000', '0.9000', '0.2500', '0.7500']);
  });

  it('keeps repeated tokens apart', () => {
    render(<HeatmapTable values={values} rows={['x', 'x']} cols={['x', 'x']} label="w" />);
    expect(screen.getAllByRole('rowheader')).toHaveLength(2);
  });

  it('prints −∞ as "-inf" and marks masked and dropped cells', () => {
    const v = Float32Array.from([1, Number.NEGATIVE_INFINITY, 0, 2]);
    const status = Uint8Array.from([CELL.normal, CELL.masked, CELL.dropped, CELL.normal]);
    render(
      <HeatmapTable values={v} rows={rows} cols={cols} label="masked scores" status={status} />,
    );
    const cells = screen.getAllByRole('cell');
    expect(cells.map((c) => c.textContent)).toEqual(['1.0000', '-inf', '0.0000', '2.0000']);
    expect(cells.map((c) => c.getAttribute('data-state'))).toEqual([
      null,
      'masked',
      'dropped',
      null,
    ]);
  });
});

describe('Heatmap (SVG)', () => {
  it('draws one cell per value with the value printed', () => {
    const { container } = render(<Heatmap {...small} label="attention weights" />);
    expect(screen.getByRole('img', { name: /^Heatmap of attention weights/ })).toBeTruthy();
    expect(container.querySelectorAll('g.cell rect')).toHaveLength(4);
    const printed = [...container.querySelectorAll('g.cell text')].map((t) => t.textContent);
    expect(printed).toEqual(['0.1000', '0.9000', '0.2500', '0.7500']);
  });

  it('draws −∞ and masked cells grey and dropped cells hatched', () => {
    const v = Float32Array.from([1, Number.NEGATIVE_INFINITY, 0, 2]);
    const status = Uint8Array.from([CELL.normal, CELL.masked, CELL.dropped, CELL.normal]);
    const { container } = render(
      <Heatmap values={v} rows={rows} cols={cols} label="s" kind="scores" status={status} />,
    );
    const cells = [...container.querySelectorAll('g.cell')];
    expect(cells.map((c) => c.getAttribute('class'))).toEqual([
      'cell',
      'cell masked',
      'cell dropped',
      'cell',
    ]);
    expect(cells[1].textContent).toBe('−∞');
    expect(cells[2].querySelector('rect')?.getAttribute('fill')).toMatch(/^url\(#/);
  });

  it('leaves the numbers out past 12 × 12 cells', () => {
    const labels = Array.from({ length: 13 }, (_, i) => `t${i}`);
    const { container } = render(
      <Heatmap values={new Float32Array(169)} rows={labels} cols={labels} label="w" />,
    );
    expect(container.querySelectorAll('g.cell')).toHaveLength(169);
    expect(container.querySelectorAll('g.cell text')).toHaveLength(0);
  });

  it('reports hovered and clicked cells, and moves a cell cursor with the keys', () => {
    const onHover = vi.fn();
    const onSelect = vi.fn();
    const { container } = render(
      <Heatmap {...small} label="w" onHover={onHover} onSelect={onSelect} />,
    );
    const cell = container.querySelector('[data-row="1"][data-col="0"] rect') as Element;
    fireEvent.pointerMove(cell);
    expect(onHover).toHaveBeenLastCalledWith({ row: 1, col: 0 });
    fireEvent.click(cell);
    expect(onSelect).toHaveBeenLastCalledWith({ row: 1, col: 0 });
    const svg = screen.getByRole('img');
    fireEvent.focus(svg);
    expect(onHover).toHaveBeenLastCalledWith({ row: 0, col: 0 });
    fireEvent.keyDown(svg, { key: 'ArrowRight' });
    expect(onHover).toHaveBeenLastCalledWith({ row: 0, col: 1 });
    fireEvent.keyDown(svg, { key: 'Enter' });
    expect(onSelect).toHaveBeenLastCalledWith({ row: 0, col: 1 });
    fireEvent.pointerLeave(svg);
    expect(onHover).toHaveBeenLastCalledWith(null);
  });

  it('a press focuses the picture without scrolling it, so the click lands where pressed', () => {
    const onSelect = vi.fn();
    const { container } = render(
      <Heatmap {...small} label="w" onHover={vi.fn()} onSelect={onSelect} />,
    );
    const svg = screen.getByRole('img');
    const focus = vi.spyOn(svg as unknown as HTMLElement, 'focus');
    const cell = container.querySelector('[data-row="0"][data-col="1"] rect') as Element;
    const pressed = fireEvent.mouseDown(cell, { button: 0 });
    expect(pressed).toBe(false); // the browser's own focus-and-scroll is prevented
    expect(focus).toHaveBeenCalledWith({ preventScroll: true });
    fireEvent.click(cell);
    expect(onSelect).toHaveBeenLastCalledWith({ row: 0, col: 1 });
  });

  it('outlines the highlighted query row, key column and cell', () => {
    const { container } = render(
      <Heatmap {...small} label="w" highlight={{ row: 1, col: 0, cell: [1, 0] }} />,
    );
    expect(container.querySelector('[data-highlight="query"]')?.getAttribute('data-index')).toBe(
      '1',
    );
    expect(container.querySelector('[data-highlight="key"]')?.getAttribute('data-index')).toBe('0');
    expect(container.querySelector('[data-highlight="cell"]')?.getAttribute('data-cell')).toBe(
      '1,0',
    );
  });
});

describe('HeatmapCanvas (past ~32 × 32)', () => {
  const n = 40;
  const big = Float32Array.from({ length: n * n }, (_, i) => (i % n) / n);
  const labels = Array.from({ length: n }, (_, i) => `t${i}`);
  const picture = { values: big, rows: labels, cols: labels };

  // jsdom has no 2-d canvas: record what the component paints instead.
  class FakeImageData {
    constructor(
      readonly data: Uint8ClampedArray,
      readonly width: number,
      readonly height: number,
    ) {}
  }
  const putImageData = vi.fn();
  beforeEach(() => {
    vi.stubGlobal('ImageData', FakeImageData);
    // getContext is overloaded per context kind; the component only asks for '2d'.
    const fake = { putImageData } as unknown as ReturnType<HTMLCanvasElement['getContext']>;
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(fake as never);
  });
  afterEach(() => vi.restoreAllMocks());

  it('is one canvas, one pixel per cell, named like the SVG', () => {
    const { container } = render(<HeatmapCanvas {...picture} label="attention weights" />);
    const canvas = screen.getByRole('img', {
      name: /^Heatmap of attention weights/,
    }) as HTMLCanvasElement;
    expect(canvas.tagName).toBe('CANVAS');
    expect([canvas.width, canvas.height]).toEqual([n, n]);
    expect(container.querySelectorAll('rect')).toHaveLength(0);
    const image = putImageData.mock.lastCall?.[0] as FakeImageData;
    expect([image.width, image.height, image.data.length]).toEqual([n, n, n * n * 4]);
  });

  it('reports the cell under the pointer from its position on the scaled canvas', () => {
    const onHover = vi.fn();
    render(<HeatmapCanvas {...picture} label="w" onHover={onHover} />);
    const canvas = screen.getByRole('img');
    vi.spyOn(canvas, 'getBoundingClientRect').mockReturnValue({
      left: 0,
      top: 0,
      width: 400,
      height: 400,
    } as DOMRect);
    // jsdom has no PointerEvent; a MouseEvent of the same type carries the coordinates.
    fireEvent(canvas, new MouseEvent('pointermove', { bubbles: true, clientX: 25, clientY: 395 }));
    expect(onHover).toHaveBeenLastCalledWith({ row: 39, col: 2 });
  });

  it('shows highlight bands over the canvas', () => {
    const { container } = render(
      <HeatmapCanvas {...picture} label="w" highlight={{ row: 3, col: 5, cell: [3, 5] }} />,
    );
    // Row 3 and column 5 of 40: bands 1/40 wide at 3/40 and 5/40 of the picture.
    const band = (role: string) =>
      (container.querySelector(`[data-highlight="${role}"]`) as HTMLElement).style;
    expect([band('query').top, band('query').height]).toEqual(['7.5%', '2.5%']);
    expect([band('key').left, band('key').width]).toEqual(['12.5%', '2.5%']);
  });

  it('paints masked, dropped and NaN cells in their own colours', () => {
    const v = Float32Array.from([0, 1, Number.NEGATIVE_INFINITY, Number.NaN, 0.5]);
    const status = Uint8Array.from([0, 0, 0, 0, CELL.dropped]);
    const px = paintPixels(v, status, colourScale('weights', v));
    const rgb = (i: number) => Array.from(px.subarray(i * 4, i * 4 + 3));
    expect(rgb(0)).toEqual([68, 1, 84]); // viridis(0)
    expect(rgb(1)).toEqual([253, 231, 37]); // viridis(1)
    expect(rgb(2)).toEqual([150, 150, 150]);
    expect(rgb(3)).toEqual([220, 0, 0]);
    expect(rgb(4)).toEqual([60, 60, 60]);
    expect(px[3]).toBe(255);
  });

  it("matches the d3 scale within the colour table's resolution", () => {
    for (const kind of ['weights', 'scores'] as const) {
      const v = Float32Array.from({ length: 200 }, (_, i) => Math.sin(i * 12.9898) * 3);
      const scale = colourScale(kind, v);
      const px = paintPixels(v, null, scale);
      v.forEach((x, i) => {
        const want = color(scale.colour(x))?.rgb();
        const got = Array.from(px.subarray(i * 4, i * 4 + 3));
        // 256 steps over the ramp: neighbouring entries differ by a few units per channel
        expect(Math.abs(got[0] - (want?.r ?? -99))).toBeLessThanOrEqual(6);
        expect(Math.abs(got[1] - (want?.g ?? -99))).toBeLessThanOrEqual(6);
        expect(Math.abs(got[2] - (want?.b ?? -99))).toBeLessThanOrEqual(6);
      });
    }
  });
});

describe('colour scales', () => {
  it('are diverging and symmetric for scores, sequential from 0 for weights', () => {
    const scores = colourScale('scores', Float32Array.from([-1, 3]));
    expect(scores.diverging).toBe(true);
    expect(scores.domain).toEqual([-3, 3]);
    const weights = colourScale('weights', Float32Array.from([0.2, 0.5]));
    expect(weights.diverging).toBe(false);
    expect(weights.domain).toEqual([0, 0.5]);
  });
});

describe('highlightFor', () => {
  const panel = (over: Partial<Panel>): Panel => ({
    id: 'p',
    label: 'p',
    code: '',
    kind: 'weights',
    values: new Float32Array(36),
    rows: Array(6).fill('t'),
    cols: Array(6).fill('t'),
    rowRole: 'query',
    colRole: 'key',
    rowOffset: 0,
    head: 0,
    status: null,
    formula: null,
    ...over,
  });
  const focus = { panel: 'other', row: 1, col: 2, head: 0, query: 1, key: 2 };

  it('lights the same tokens in other panels, the cell only in its own', () => {
    expect(highlightFor(panel({}), focus)).toEqual({ row: 1, col: 2, cell: null });
    expect(highlightFor(panel({ id: 'other' }), focus)).toEqual({
      row: 1,
      col: 2,
      cell: [1, 2],
    });
    expect(highlightFor(panel({ rowRole: 'key', colRole: 'dim' }), focus)).toEqual({
      row: 2,
      col: null,
      cell: null,
    });
    expect(highlightFor(panel({ rows: ['t'], rowOffset: 3 }), focus)).toEqual({
      row: null,
      col: 2,
      cell: null,
    });
  });
});

describe('formatValue / formatCell', () => {
  it('print 4 decimals and never −0; −∞ as a sign on the picture and "-inf" in tables', () => {
    expect(formatValue(0.23791)).toBe('0.2379');
    expect(formatValue(-0.00001)).toBe('0.0000');
    expect(formatValue(Number.NEGATIVE_INFINITY)).toBe('−∞');
    expect(formatCell(Number.NEGATIVE_INFINITY)).toBe('-inf');
    expect(formatCell(Number.NaN)).toBe('NaN');
  });
});

describe('printing as PyTorch prints a tensor', () => {
  it('prints a tiny gradient in scientific notation in the cells, legend and table', () => {
    const grads = Float32Array.from([3.2e-5, -1.1e-6, 0, 2e-5]);
    const matrix = {
      values: grads,
      rows,
      cols,
      label: '∂loss/∂W_query',
      printing: 'torch',
    } as const;
    const { container } = render(
      <>
        <Heatmap {...matrix} kind="params" />
        <HeatmapTable {...matrix} />
      </>,
    );
    const cellTexts = [...container.querySelectorAll('.cells text')].map((t) => t.textContent);
    expect(cellTexts).toEqual(['3.2e-5', '-1.1e-6', '0', '2.0e-5']);
    const ends = [...container.querySelectorAll('.legend text')].map((t) => t.textContent);
    expect(ends).toEqual(['-3.2e-5', '3.2e-5']);
    const table = screen.getByRole('table', { name: '∂loss/∂W_query' });
    expect(
      within(table)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['3.2000e-05', '-1.1000e-06', '0.0000e+00', '2.0000e-05']);
  });

  it('leaves the chapter’s tensors in the book’s 4 decimals', () => {
    const { container } = render(
      <Heatmap values={Float32Array.from([3.2e-5, 0.5, 0, 1])} rows={rows} cols={cols} label="w" />,
    );
    const cellTexts = [...container.querySelectorAll('.cells text')].map((t) => t.textContent);
    expect(cellTexts).toEqual(['0.0000', '0.5000', '0.0000', '1.0000']);
  });
});
