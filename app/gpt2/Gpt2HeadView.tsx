import { useMemo } from 'react';
import { formatCount } from '../../src/chapter/format.ts';
import type { HeadSlice, TokenWindow } from '../../src/headview/index.ts';
import type { Token } from '../../src/tokenizer/index.ts';
import { chipLabel } from '../../src/tokenizer/index.ts';
import { tokenNames } from '../a11y/token-names.ts';
import { HeadView } from '../headview/HeadView.tsx';

/** Lines lighter than this are left out at GPT-2 size: invisible, and most of the SVG. */
const MIN_WEIGHT = 0.01;

/** The GPT-2 step's head view: a window of the learner's tokens, every head's lines. */
export function Gpt2HeadView({
  tokens,
  slices,
  win,
  onCursor,
}: {
  tokens: Token[];
  slices: HeadSlice[] | null;
  win: TokenWindow;
  onCursor: (index: number) => void;
}) {
  const labels = useMemo(() => tokens.map((t) => chipLabel(t.text)), [tokens]);
  const names = useMemo(() => tokenNames(labels), [labels]);
  const t = tokens.length;
  const cut = win.size < t;
  const note = `${
    cut
      ? `Tokens ${win.start + 1}–${win.start + win.size} of ${formatCount(t)}: every row of lines at once would be unreadable, so the view shows ${win.size} tokens around the focused one (arrow keys or a token chip move it). `
      : ''
  }Lines under ${MIN_WEIGHT} are left out.`;
  if (!slices) return <p className="computing">Drawing the head view…</p>;
  return (
    <HeadView
      label="head view"
      labels={labels}
      names={names}
      slices={slices}
      win={win}
      minWeight={MIN_WEIGHT}
      note={note}
      onCursor={onCursor}
    />
  );
}
