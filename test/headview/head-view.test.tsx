// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HeadView } from '../../app/headview/HeadView.tsx';
import type { HeadSlice } from '../../src/headview/index.ts';

afterEach(cleanup);

const slice = (head: number, values: number[]): HeadSlice => ({
  head,
  values: Float32Array.from(values),
  rows: 3,
  cols: 3,
  rowStart: 0,
  colStart: 0,
  outside: null,
});
const SLICES = [
  slice(0, [1, 0, 0, 0.25, 0.75, 0, 0.5, 0.25, 0.25]),
  slice(1, [1, 0, 0, 0.5, 0.5, 0, 0.125, 0.125, 0.75]),
];
const TOKENS = ['Your', 'journey', 'starts'];

function draw() {
  const { container } = render(
    <HeadView
      label="head view"
      labels={TOKENS}
      names={TOKENS}
      slices={SLICES}
      win={{ start: 0, size: 3 }}
    />,
  );
  const lines = () =>
    [...container.querySelectorAll('line')].map((l) => [
      l.dataset.head,
      l.dataset.query,
      l.dataset.key,
      l.getAttribute('stroke-opacity'),
    ]);
  return { lines, view: screen.getByRole('region', { name: 'head view' }) };
}

describe('HeadView', () => {
  it('draws a line per non-zero weight of every head, opacity = weight', () => {
    const { lines } = draw();
    expect(lines()).toHaveLength(12);
    expect(lines()).toContainEqual(['1', '2', '2', '0.75']);
  });

  it('one tab stop; arrow keys move the focus, which keeps only its lines and says them', () => {
    const { lines, view } = draw();
    const queries = within(view).getByRole('list', { name: 'queries' });
    const first = within(queries).getByRole('button', { name: 'query Your' });
    expect(view.querySelectorAll('button[tabindex="0"]')).toHaveLength(1);
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    fireEvent.focus(within(queries).getByRole('button', { name: 'query journey' }));
    expect(lines().map((l) => l[1])).toEqual(['1', '1', '1', '1']);
    expect(view.textContent).toContain(
      'head 1: journey attends most to journey (0.7500), Your (0.2500)',
    );
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    fireEvent.focus(within(view).getByRole('button', { name: 'key journey' }));
    expect(lines().map((l) => `${l[1]}→${l[2]}`)).toEqual(['1→1', '2→1', '1→1', '2→1']);
  });

  it('the picker shows one head, and the legend only its colour', () => {
    const { lines, view } = draw();
    fireEvent.change(within(view).getByLabelText('heads in the head view'), {
      target: { value: '1' },
    });
    expect(new Set(lines().map((l) => l[0]))).toEqual(new Set(['1']));
    expect(within(view).getByRole('list', { name: 'head colours' }).textContent).toBe('head 2');
  });
});
