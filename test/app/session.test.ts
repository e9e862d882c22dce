import { afterEach, describe, expect, it, vi } from 'vitest';
import { readSession, SESSION_KEY, writeSession } from '../../app/persist/session.ts';
import { startView } from '../../app/route/start.ts';
import { defaultView } from '../../src/chapter/view.ts';
import { encodeView, messages } from '../../src/permalink/index.ts';

/** A Storage stand-in over a Map; `broken` makes every call throw, as a forbidden one does. */
function memoryStorage(entries: Record<string, string> = {}, broken = false): Storage {
  const map = new Map(Object.entries(entries));
  const guard = () => {
    if (broken) throw new DOMException('denied', 'SecurityError');
  };
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => {
      guard();
      return map.get(k) ?? null;
    },
    setItem: (k, v) => {
      guard();
      map.set(k, String(v));
    },
    removeItem: (k) => {
      guard();
      map.delete(k);
    },
  };
}

afterEach(() => vi.restoreAllMocks());

const edited = { ...defaultView('3.5.1'), seed: 42, tokens: ['a', 'b', 'c', 'd', 'e', 'f'] };

describe('the saved session', () => {
  it('round-trips a view through its permalink', () => {
    const storage = memoryStorage();
    writeSession(storage, edited);
    expect(storage.getItem(SESSION_KEY)).toBe(encodeView(edited));
    expect(readSession(storage)).toEqual({ state: edited, problems: [] });
  });

  it('nothing saved, or storage that throws, is no session and no crash', () => {
    expect(readSession(memoryStorage())).toBeNull();
    expect(readSession(null)).toBeNull();
    expect(readSession(memoryStorage({ [SESSION_KEY]: '' }))).toBeNull();
    const broken = memoryStorage({}, true);
    expect(readSession(broken)).toBeNull();
    expect(() => writeSession(broken, edited)).not.toThrow();
  });

  it('bad content is repaired like a bad link, with its messages', () => {
    for (const text of ['garbage', '{"seed":1}', 'null', '#/3.5.1?s=AAAA', '\u0000'.repeat(10)]) {
      const got = readSession(memoryStorage({ [SESSION_KEY]: text }));
      expect(got?.problems.length, text).toBeGreaterThan(0);
      expect(got?.state.step).toBeDefined();
    }
    const huge = `#/3.5.1?s=${'A'.repeat(300_000)}`;
    expect(readSession(memoryStorage({ [SESSION_KEY]: huge }))?.problems).toEqual([
      messages.tooLong(huge.length, '3.5.1'),
    ]);
  });
});

describe('the view the page opens with', () => {
  const saved = memoryStorage({ [SESSION_KEY]: encodeView(edited) });

  it('a link wins over the saved session', () => {
    const start = startView({ hash: '#/3.4.1', search: '' }, saved);
    expect(start).toEqual({ view: defaultView('3.4.1'), notice: null });
  });

  it('a bad link opens its nearest view with the problems', () => {
    const start = startView({ hash: '#/3.4.1?s=zzzz', search: '' }, saved);
    expect(start.view).toEqual(defaultView('3.4.1'));
    expect(start.notice).toEqual({ kind: 'link', problems: [messages.damaged('3.4.1')] });
  });

  it('a hand-typed hash is quoted as typed, not percent-encoded', () => {
    const start = startView({ hash: '#/%3Cb%3E', search: '' }, null);
    expect(start.notice).toEqual({
      kind: 'link',
      problems: [messages.unknownStep('<b>', '3.3.1')],
    });
  });

  it('no link: the saved session, announced; a bare # counts as no link', () => {
    for (const hash of ['', '#', '#/']) {
      expect(startView({ hash, search: '' }, saved)).toEqual({
        view: edited,
        notice: { kind: 'restored' },
      });
    }
  });

  it('a saved session that is the book’s first page is not announced', () => {
    const book = memoryStorage({ [SESSION_KEY]: '#/3.3.1' });
    expect(startView({ hash: '', search: '' }, book)).toEqual({
      view: defaultView('3.3.1'),
      notice: null,
    });
  });

  it('a damaged saved session says so', () => {
    const bad = memoryStorage({ [SESSION_KEY]: '#/3.6.2?s=<script>' });
    const start = startView({ hash: '', search: '' }, bad);
    expect(start.view).toEqual(defaultView('3.6.2'));
    expect(start.notice).toEqual({ kind: 'stored', problems: [messages.damaged('3.6.2')] });
  });

  it('nothing at all: the book’s §3.3.1', () => {
    expect(startView({ hash: '', search: '' }, null)).toEqual({
      view: defaultView('3.3.1'),
      notice: null,
    });
  });

  it('?backend= overrides the backend of a link or a session', () => {
    const link = encodeView({ ...edited, backend: 'wasm' });
    expect(startView({ hash: link, search: '?backend=reference' }, null).view.backend).toBe(
      'reference',
    );
    expect(startView({ hash: '', search: '?backend=webgpu' }, saved).view).toEqual({
      ...edited,
      backend: 'webgpu',
    });
    expect(startView({ hash: link, search: '?backend=cuda' }, null).view.backend).toBe('wasm');
  });
});
