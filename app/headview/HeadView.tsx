import './headview.css';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import {
  describeFocus,
  type HeadSlice,
  type HeadViewFocus,
  headLines,
  type TokenWindow,
} from '../../src/headview/index.ts';
import { headColour } from './colours.ts';
import { HeadPicker } from './HeadPicker.tsx';

const ROW_PX = 24;
const GAP_PX = 140;
const LAYOUT = { rowHeight: ROW_PX, width: GAP_PX };

const MOVES: Record<string, [number, HeadViewFocus['side'] | null]> = {
  ArrowUp: [-1, null],
  ArrowDown: [1, null],
  ArrowLeft: [0, 'query'],
  ArrowRight: [0, 'key'],
};

/**
 * The head view as BertViz draws it: queries in the left column, keys in the right, a line from
 * each query to each key it attends to, its opacity the weight, one colour per head. Hovering or
 * focusing a token keeps only its lines, and says in words where its attention goes. The tokens
 * are one tab stop: arrow keys move up and down and between the columns, Escape shows all lines.
 */
export function HeadView({
  label,
  labels,
  names,
  slices,
  win,
  minWeight = 0,
  note,
  onCursor,
}: {
  label: string;
  /** What each token shows, and its distinct accessible name (see app/a11y/token-names.ts). */
  labels: readonly string[];
  names: readonly string[];
  slices: readonly HeadSlice[];
  win: TokenWindow;
  minWeight?: number;
  note?: string;
  /** Told where the keyboard cursor goes, so a windowed view can follow it. */
  onCursor?: (index: number) => void;
}) {
  const [shown, setShown] = useState<number | null>(null);
  const [cursor, setCursor] = useState<HeadViewFocus>({ side: 'query', index: win.start });
  const [hover, setHover] = useState<HeadViewFocus | null>(null);
  const [focused, setFocused] = useState(false);
  const body = useRef<HTMLDivElement>(null);
  const moved = useRef(false);
  const heads = slices.map((s) => s.head);
  const picked = shown !== null && heads.includes(shown) ? shown : null;
  const drawn = picked === null ? slices : slices.filter((s) => s.head === picked);
  const end = win.start + win.size;
  const at = Math.max(win.start, Math.min(end - 1, cursor.index));
  const current = { side: cursor.side, index: at };
  const isolate = hover ?? (focused ? current : null);
  const lines = headLines(drawn, win, LAYOUT, isolate, minWeight);
  const words = isolate ? describeFocus(drawn, isolate, win, names) : [];

  // After a keyboard move, the token under the cursor takes the focus (the window may have moved).
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    body.current
      ?.querySelector<HTMLButtonElement>(`button[data-side="${cursor.side}"][data-token="${at}"]`)
      ?.focus();
  }, [cursor.side, at]);

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      (document.activeElement as HTMLElement | null)?.blur();
      return;
    }
    const move = MOVES[e.key];
    if (!move) return;
    e.preventDefault();
    const index = Math.max(0, Math.min(names.length - 1, at + move[0]));
    moved.current = true;
    setCursor({ side: move[1] ?? cursor.side, index });
    setHover(null);
    onCursor?.(index);
  };

  const column = (side: HeadViewFocus['side']) => (
    <ul className={`head-view-col ${side}`} aria-label={side === 'query' ? 'queries' : 'keys'}>
      {labels.slice(win.start, end).map((text, k) => {
        const index = win.start + k;
        const here = side === current.side && index === current.index;
        return (
          <li key={index} style={{ height: ROW_PX }}>
            <button
              type="button"
              data-side={side}
              data-token={index}
              tabIndex={here ? 0 : -1}
              aria-pressed={focused && here}
              className={isolate?.side === side && isolate.index === index ? 'lit' : undefined}
              onFocus={() => {
                setFocused(true);
                setCursor({ side, index });
              }}
              onBlur={() => setFocused(false)}
              onPointerEnter={() => setHover({ side, index })}
              onPointerLeave={() => setHover(null)}
            >
              <span className="sr-only">
                {side} {names[index]}
              </span>
              <bdi aria-hidden="true">{text}</bdi>
            </button>
          </li>
        );
      })}
    </ul>
  );

  return (
    <section className="head-view" aria-label={label}>
      <HeadPicker heads={heads} shown={picked} onShow={setShown} />
      {note && <p className="head-view-note">{note}</p>}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: arrow keys reach the token buttons inside */}
      <div className="head-view-body" ref={body} onKeyDown={onKey}>
        {column('query')}
        <svg
          width={GAP_PX}
          height={win.size * ROW_PX}
          aria-hidden="true"
          className="head-view-lines"
        >
          {lines.map((l) => (
            <line
              key={`${l.head}-${l.query}-${l.key}`}
              x1={l.x1}
              y1={l.y1}
              x2={l.x2}
              y2={l.y2}
              stroke={headColour(l.head)}
              strokeOpacity={l.opacity}
              strokeWidth={2}
              data-head={l.head}
              data-query={l.query}
              data-key={l.key}
            />
          ))}
        </svg>
        {column('key')}
      </div>
      <div className="head-view-words" aria-live="polite">
        {words.length > 0 ? (
          words.map((w) => <p key={w}>{w}</p>)
        ) : (
          <p>Hover or focus a token to see only its lines and read them here.</p>
        )}
      </div>
    </section>
  );
}
