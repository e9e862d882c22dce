// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UndoButtons } from '../../app/history/UndoButtons.tsx';
import { useUndoKeys } from '../../app/history/useUndoKeys.ts';
import { NoticeBanner } from '../../app/notice/NoticeBanner.tsx';
import { ShareButton } from '../../app/share/ShareButton.tsx';
import { StepNav } from '../../app/steps/StepNav.tsx';
import { LabContext, type LabStore } from '../../app/store/index.ts';
import { panelsFor } from '../../src/chapter/panels/index.ts';
import { configsFor } from '../../src/chapter/steps/index.ts';
import { defaultView, STEP_IDS } from '../../src/chapter/view.ts';
import { runAttention } from '../../src/engine/run.ts';
import { decodeView, messages } from '../../src/permalink/index.ts';
import { readyStore } from './fake-engine.ts';

const XSS = '<img src=x onerror=alert(1)>';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function withStore(store: LabStore, ui: ReactNode) {
  return render(<LabContext.Provider value={store}>{ui}</LabContext.Provider>);
}

describe('the notice', () => {
  it('lists a link’s problems as text: quoted markup stays text', () => {
    const { store } = readyStore();
    const problems = [messages.unknownStep(XSS, '3.3.1'), messages.damaged('3.3.1')];
    store.getState().actions.setNotice({ kind: 'link', problems });
    const { container } = withStore(store, <NoticeBanner />);
    const alert = screen.getByRole('alert');
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual(problems);
    expect(container.querySelector('img')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a restored session offers to start over from the book', () => {
    const { store } = readyStore({ ...defaultView('3.4.2'), seed: 5 });
    store.getState().actions.setNotice({ kind: 'restored' });
    withStore(store, <NoticeBanner />);
    expect(screen.getByRole('status').textContent).toContain('Restored your last session');
    fireEvent.click(screen.getByRole('button', { name: 'Start over from the book' }));
    expect(store.getState().view).toEqual(defaultView('3.4.2'));
    expect(screen.getByRole('status').textContent).toContain('Undo brings your work back');
  });
});

describe('Share link', () => {
  it('copies the view’s permalink (without the query) and says so', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { store } = readyStore({ ...defaultView('3.5.2'), seed: 9 });
    withStore(store, <ShareButton />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Share link' })));
    const link = writeText.mock.calls[0][0] as string;
    expect(link.startsWith(`${window.location.origin}${window.location.pathname}#/3.5.2?s=`)).toBe(
      true,
    );
    expect(decodeView(new URL(link).hash).state).toEqual({ ...defaultView('3.5.2'), seed: 9 });
    expect(screen.getByRole('status').textContent).toBe('Link copied');
  });

  it('where the clipboard is refused, shows the link selected in a field', async () => {
    const writeText = vi.fn().mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { store } = readyStore('3.3.2');
    withStore(store, <ShareButton />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Share link' })));
    const field = screen.getByRole('textbox', { name: 'Link to this view' }) as HTMLInputElement;
    expect(field.value).toMatch(/#\/3\.3\.2$/);
    expect(field.readOnly).toBe(true);
    expect(screen.getByRole('status').textContent).toContain('Copy this link');
  });
});

function Keys({ store }: { store: LabStore }) {
  useUndoKeys(store);
  return <input aria-label="a field" />;
}

describe('Undo and Redo controls', () => {
  it('buttons are disabled with nothing to do, and follow the history', () => {
    const { store } = readyStore('3.3.2');
    withStore(store, <UndoButtons />);
    const undo = screen.getByRole('button', { name: 'Undo' }) as HTMLButtonElement;
    const redo = screen.getByRole('button', { name: 'Redo' }) as HTMLButtonElement;
    expect([undo.disabled, redo.disabled]).toEqual([true, true]);
    act(() => store.getState().actions.edit((v) => ({ ...v, seed: 3 })));
    expect(undo.disabled).toBe(false);
    fireEvent.click(undo);
    expect(store.getState().view.seed).toBe(123);
    expect([undo.disabled, redo.disabled]).toEqual([true, false]);
    fireEvent.click(redo);
    expect(store.getState().view.seed).toBe(3);
  });

  it('Ctrl/⌘+Z, Shift+Ctrl+Z and Ctrl+Y, but not while typing in a field', () => {
    const { store } = readyStore('3.3.2');
    withStore(store, <Keys store={store} />);
    act(() => store.getState().actions.edit((v) => ({ ...v, seed: 3 })));
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'a field' }), {
      key: 'z',
      ctrlKey: true,
    });
    expect(store.getState().view.seed).toBe(3);
    fireEvent.keyDown(document.body, { key: 'z', metaKey: true });
    expect(store.getState().view.seed).toBe(123);
    fireEvent.keyDown(document.body, { key: 'Z', ctrlKey: true, shiftKey: true });
    expect(store.getState().view.seed).toBe(3);
    act(() => store.getState().actions.undo());
    fireEvent.keyDown(document.body, { key: 'y', ctrlKey: true });
    expect(store.getState().view.seed).toBe(3);
  });
});

describe('the step list', () => {
  it('a click opens the step keeping the learner’s inputs; a modified click is the browser’s', () => {
    const { store } = readyStore('3.3.2');
    act(() =>
      store.getState().actions.edit((v) => ({ ...v, tokens: ['a', ...v.tokens.slice(1)] })),
    );
    withStore(store, <StepNav />);
    const link = screen.getByRole('link', { name: /^3\.5\.1/ });
    expect(link.getAttribute('href')).toBe('#/3.5.1');
    fireEvent.click(link, { ctrlKey: true });
    expect(store.getState().view.step).toBe('3.3.2');
    fireEvent.click(link);
    expect(store.getState().view.step).toBe('3.5.1');
    expect(store.getState().view.tokens[0]).toBe('a');
  });
});

describe('token names never reach KaTeX', () => {
  it('no formula’s TeX on any step contains a token’s name', () => {
    for (const step of STEP_IDS) {
      const view = { ...defaultView(step), tokens: [XSS, 'b\\x', '$c$', '{d}', 'e%', 'f#'] };
      const traces = configsFor(view).map((c) => runAttention(c));
      for (const panel of panelsFor(view, traces).flatMap((g) => g.panels)) {
        if (!panel.formula) continue;
        const { tex } = panel.formula(panel.rows.length - 1, panel.cols.length - 1);
        for (const name of view.tokens) expect(tex, `${step} ${panel.label}`).not.toContain(name);
      }
    }
  });
});
