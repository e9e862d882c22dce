// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddingEditor } from '../../app/editor/EmbeddingEditor.tsx';
import { placeLabels } from '../../app/editor/labels.ts';
import { addToken } from '../../app/store/edits.ts';
import { LabContext } from '../../app/store/index.ts';
import { MAX_TOKENS } from '../../src/chapter/limits.ts';
import { readyStore } from './fake-engine.ts';

afterEach(cleanup);

describe('scatter labels', () => {
  it('hides labels that find no free spot, never the focused query and key', () => {
    const points = Array.from({ length: 32 }, (_, i) => ({ x: 100, y: 100, text: `tok ${i}` }));
    const placed = placeLabels(points, [20, 7]);
    expect(placed[20].hidden).toBeUndefined();
    expect(placed[7].hidden).toBeUndefined();
    const shown = placed.filter((p) => !p.hidden).length;
    expect(shown).toBe(4); // the four spots around one point
  });

  it('keeps every label of well-separated points', () => {
    const points = Array.from({ length: 6 }, (_, i) => ({ x: i * 80, y: 50, text: 'word' }));
    expect(placeLabels(points).some((p) => p.hidden)).toBe(false);
  });
});

describe('buttons that disable at a limit say why', () => {
  it(`at ${MAX_TOKENS} tokens, "Add token" is disabled with the reason in words`, () => {
    const { store } = readyStore('3.3.2');
    render(
      <LabContext.Provider value={store}>
        <EmbeddingEditor />
      </LabContext.Provider>,
    );
    expect(screen.queryByText(/Limits reached/)).toBeNull();
    act(() => {
      for (let i = 0; i < MAX_TOKENS; i++) store.getState().actions.edit(addToken);
    });
    const add = screen.getByRole('button', { name: 'Add token' }) as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    expect(add.title).toBe(`Disabled: at most ${MAX_TOKENS} tokens`);
    const hint = screen.getByText(`Limits reached: at most ${MAX_TOKENS} tokens.`);
    expect(add.getAttribute('aria-describedby')).toBe(hint.id);
  });
});
