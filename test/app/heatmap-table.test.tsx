// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { formatValue } from '../../app/heatmap/format.ts';
import { Heatmap } from '../../app/heatmap/Heatmap.tsx';
import { HeatmapTable } from '../../app/heatmap/HeatmapTable.tsx';

afterEach(cleanup);

const rows = ['a', 'b'];
const cols = ['a', 'b'];
const values = Float32Array.from([0.1, 0.9, 0.25, 0.75]);

describe('HeatmapTable', () => {
  it('names the table and labels rows by query and columns by key', () => {
    render(<HeatmapTable values={values} rows={rows} cols={cols} label="attention weights" />);
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
});

describe('Heatmap', () => {
  it('draws one rect per cell with its value printed', () => {
    const { container } = render(
      <Heatmap values={values} rows={rows} cols={cols} label="attention weights" />,
    );
    expect(screen.getByRole('img', { name: /attention weights/ })).toBeTruthy();
    expect(container.querySelectorAll('g.cell rect')).toHaveLength(4);
    const printed = [...container.querySelectorAll('g.cell text')].map((t) => t.textContent);
    expect(printed).toEqual(['0.1000', '0.9000', '0.2500', '0.7500']);
  });
});

describe('formatValue', () => {
  it('prints 4 decimals and never −0', () => {
    expect(formatValue(0.23791)).toBe('0.2379');
    expect(formatValue(-0.00001)).toBe('0.0000');
    expect(formatValue(Number.NEGATIVE_INFINITY)).toBe('−∞');
  });
});
