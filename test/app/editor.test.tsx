// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EmbeddingEditor } from '../../app/editor/EmbeddingEditor.tsx';
import { EmbeddingTable } from '../../app/editor/EmbeddingTable.tsx';
import { TokenScatter } from '../../app/editor/TokenScatter.tsx';
import { LabContext } from '../../app/store/index.ts';
import { BOOK_EMBEDDINGS, BOOK_TOKENS } from '../../src/engine/config.ts';
import { readyStore } from './fake-engine.ts';

afterEach(cleanup);

function table(overrides = {}) {
  const props = {
    tokens: BOOK_TOKENS,
    embeddings: BOOK_EMBEDDINGS,
    onCell: vi.fn(),
    onRename: vi.fn(),
    onRemove: vi.fn(),
    canRemove: true,
    ...overrides,
  };
  render(<EmbeddingTable {...props} />);
  return props;
}

describe('EmbeddingTable', () => {
  it('names every input by its token and dimension', () => {
    table();
    expect(screen.getAllByRole('textbox', { name: /dimension/ })).toHaveLength(18);
    expect(screen.getByRole('textbox', { name: 'journey dimension 1' })).toHaveProperty(
      'value',
      '0.55',
    );
    expect(screen.getByRole('textbox', { name: 'token 2 name' })).toHaveProperty(
      'value',
      'journey',
    );
  });

  it('commits valid numbers and answers "abc" with a message by the cell, keeping the value', () => {
    const { onCell } = table();
    const cell = screen.getByRole('textbox', { name: 'journey dimension 2' });
    fireEvent.change(cell, { target: { value: '0.9' } });
    expect(onCell).toHaveBeenLastCalledWith(1, 1, 0.9);
    fireEvent.change(cell, { target: { value: 'abc' } });
    expect(onCell).toHaveBeenCalledTimes(1);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('“abc” is not a number');
    expect(alert.textContent).toContain('Keeping 0.87');
    expect(cell.getAttribute('aria-invalid')).toBe('true');
    expect(cell.getAttribute('aria-describedby')).toBe(alert.id);
    fireEvent.blur(cell);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(cell).toHaveProperty('value', '0.87');
  });

  it('refuses values past the limit and nudges with the arrow keys', () => {
    const { onCell } = table();
    const cell = screen.getByRole('textbox', { name: 'Your dimension 1' });
    fireEvent.change(cell, { target: { value: '1e9' } });
    expect(onCell).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('from');
    fireEvent.blur(cell);
    fireEvent.keyDown(cell, { key: 'ArrowUp' });
    expect(onCell).toHaveBeenLastCalledWith(0, 0, 0.44);
  });

  it('renames, refusing an empty name, and removes tokens', () => {
    const { onRename, onRemove } = table();
    const name = screen.getByRole('textbox', { name: 'token 3 name' });
    fireEvent.change(name, { target: { value: 'begins' } });
    expect(onRename).toHaveBeenLastCalledWith(2, 'begins');
    fireEvent.change(name, { target: { value: '  ' } });
    expect(onRename).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('alert').textContent).toContain('needs a name');
    fireEvent.click(screen.getByRole('button', { name: 'Remove with' }));
    expect(onRemove).toHaveBeenLastCalledWith(3);
  });

  it('marks the focused query and key tokens', () => {
    table({ query: 1, keyToken: 4 });
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-highlight'))).toEqual([
      null,
      'query',
      null,
      null,
      'key',
      null,
    ]);
  });
});

describe('TokenScatter', () => {
  it('draws a named point per token that the arrow keys move', () => {
    const onMove = vi.fn();
    render(
      <TokenScatter
        tokens={BOOK_TOKENS}
        embeddings={BOOK_EMBEDDINGS}
        dims={[0, 1]}
        onMove={onMove}
      />,
    );
    const points = screen.getAllByRole('button', { name: /^Move / });
    expect(points).toHaveLength(6);
    const journey = screen.getByRole('button', {
      name: 'Move journey: dimension 1 = 0.55, dimension 2 = 0.87',
    });
    fireEvent.keyDown(journey, { key: 'ArrowRight' });
    expect(onMove).toHaveBeenLastCalledWith(1, { 0: 0.56, 1: 0.87 });
    fireEvent.keyDown(journey, { key: 'ArrowDown', shiftKey: true });
    expect(onMove).toHaveBeenLastCalledWith(1, { 0: 0.55, 1: 0.77 });
  });

  it('shows one dimension on a line when d_in is 1', () => {
    const onMove = vi.fn();
    render(
      <TokenScatter
        tokens={['a', 'b']}
        embeddings={[[0.1], [0.7]]}
        dims={[0, 0]}
        onMove={onMove}
      />,
    );
    fireEvent.keyDown(screen.getByRole('button', { name: 'Move b: dimension 1 = 0.7' }), {
      key: 'ArrowLeft',
    });
    expect(onMove).toHaveBeenLastCalledWith(1, { 0: 0.69 });
  });
});

describe('EmbeddingEditor (with the store)', () => {
  function editor() {
    const { store, engine } = readyStore('3.3.2');
    render(
      <LabContext.Provider value={store}>
        <EmbeddingEditor />
      </LabContext.Provider>,
    );
    return { store, engine };
  }

  it('adds and removes tokens and dimensions, and resets to the book', () => {
    const { store } = editor();
    fireEvent.click(screen.getByRole('button', { name: 'Add token' }));
    expect(store.getState().view.tokens).toEqual([...BOOK_TOKENS, 'token 7']);
    fireEvent.click(screen.getByRole('button', { name: 'Add dimension' }));
    expect(store.getState().view.embeddings.every((r) => r.length === 4)).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Your' }));
    expect(store.getState().view.tokens[0]).toBe('journey');
    fireEvent.click(screen.getByRole('button', { name: 'Remove dimension' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reset to the book’s example' }));
    expect(store.getState().view.embeddings).toEqual(BOOK_EMBEDDINGS);
    expect(store.getState().view.tokens).toEqual(BOOK_TOKENS);
  });

  it('draws random embeddings from a seed, like torch.rand', () => {
    const { store } = editor();
    fireEvent.change(screen.getByLabelText('from seed'), { target: { value: '123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Random embeddings' }));
    // torch.manual_seed(123); torch.rand(6, 3)[0] = [0.2961, 0.5166, 0.2517]
    expect(store.getState().view.embeddings[0]).toEqual([0.3, 0.52, 0.25]);
  });

  it('shows an engine error about the embeddings by the table', () => {
    const { engine } = editor();
    act(() => engine.fail('embeddings', 'embeddings: row 0, dimension 0 is too large'));
    expect(
      within(screen.getByRole('region', { name: 'Embeddings' })).getByRole('alert').textContent,
    ).toContain('too large');
  });
});
