import type { Token } from '../../src/tokenizer/index.ts';
import { chipLabel } from '../../src/tokenizer/index.ts';

/** The text's GPT-2 tokens as chips with their ids; a click selects one for the embedding table. */
export function TokenChips({
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
        // biome-ignore lint/suspicious/noArrayIndexKey: a token's position is its identity here
        <li key={i}>
          <button
            type="button"
            className="gpt2-chip"
            aria-pressed={i === selected}
            aria-label={`token ${i + 1}: ${JSON.stringify(t.text)}, id ${t.id}`}
            onClick={() => onSelect(i)}
          >
            <bdi className="gpt2-chip-text">{chipLabel(t.text)}</bdi>
            <span className="gpt2-chip-id">{t.id}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
