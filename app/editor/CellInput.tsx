import { useId, useState } from 'react';
import { MAX_EMBEDDING_MAGNITUDE } from '../../src/chapter/limits.ts';
import { parseNumber } from '../controls/parse.ts';

export interface CellInputProps {
  /** The accessible name, e.g. "journey dimension 1". */
  label: string;
  value: number;
  onCommit(value: number): void;
}

const RULES = { min: -MAX_EMBEDDING_MAGNITUDE, max: MAX_EMBEDDING_MAGNITUDE };

/**
 * One embedding value. Text, not type=number, so that "abc" can be typed and answered with a
 * message by the cell while the last valid value stays in force. ↑/↓ nudge by 0.01 (⇧: 0.1).
 */
export function CellInput({ label, value, onCommit }: CellInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const change = (text: string) => {
    setDraft(text);
    const parsed = parseNumber(text, RULES);
    if (!parsed.ok) {
      setProblem(`${parsed.message} Keeping ${value}.`);
      return;
    }
    setProblem(null);
    if (parsed.value !== value) onCommit(parsed.value);
  };
  return (
    <>
      <input
        className="cell-input"
        type="text"
        inputMode="decimal"
        aria-label={label}
        value={draft ?? String(value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? id : undefined}
        onChange={(e) => change(e.currentTarget.value)}
        onBlur={() => {
          setDraft(null);
          setProblem(null);
        }}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
          e.preventDefault();
          const step = (e.shiftKey ? 0.1 : 0.01) * (e.key === 'ArrowUp' ? 1 : -1);
          change(String(Math.round((value + step) * 1e4) / 1e4));
        }}
      />
      {problem && (
        <span className="field-error" id={id} role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
