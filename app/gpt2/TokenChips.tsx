import { memo } from 'react';
import type { Token } from '../../src/tokenizer/index.ts';
import { chipLabel } from '../../src/tokenizer/index.ts';

/** One chip; memoized, so an edit re-renders only the chips whose token changed (T up to 1,024). */
const Chip = memo(function Chip({
  index,
  text,
  id,
  pressed,
  onSelect,
}: {
  index: number;
  text: string;
  id: number;
  pressed: boolean;
  onSelect: (index: number) => void;
}) {
  return (
    <li>
      <button
        type="button"
        className="gpt2-chip"
        aria-pressed={pressed}
        aria-label={`token ${index + 1}: ${JSON.stringify(text)}, id ${id}`}
        onClick={() => onSelect(index)}
      >
        <bdi className="gpt2-chip-text">{chipLabel(text)}</bdi>
        <span className="gpt2-chip-id">{id}</span>
      </button>
    </li>
  );
});

/**
 * The text's GPT-2 tokens as chips with their ids; a click selects one for the embedding table.
 * Memoized: typing renders the step, not its up to 1,024 chips, until the new tokens come.
 */
export const TokenChips = memo(function TokenChips({
  tokens,
  selected,
  onSelect,
}: {
  tokens: Token[];
  selected: number;
  onSelect: (index: number) => void;
}) {
  return (
    <ol className="gpt2-chips" aria-label="tokens">
      {tokens.map((t, i) => (
        <Chip
          // biome-ignore lint/suspicious/noArrayIndexKey: a token's position is its identity here
          key={i}
          index={i}
          text={t.text}
          id={t.id}
          pressed={i === selected}
          onSelect={onSelect}
        />
      ))}
    </ol>
  );
});
