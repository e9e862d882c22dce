import { useId } from 'react';
import { MAX_EMBEDDING_MAGNITUDE } from '../../src/chapter/limits.ts';
import { parseNumber } from '../controls/parse.ts';
import { FieldError, useDraft } from '../controls/useDraft.tsx';

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
  const { problem, change, field } = useDraft(value, (text) => parseNumber(text, RULES), onCommit);
  const id = useId();
  return (
    <>
      <input
        className="cell-input"
        type="text"
        inputMode="decimal"
        aria-label={label}
        {...field}
        aria-describedby={problem ? id : undefined}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
          e.preventDefault();
          const step = (e.shiftKey ? 0.1 : 0.01) * (e.key === 'ArrowUp' ? 1 : -1);
          change(String(Math.round((value + step) * 1e4) / 1e4));
        }}
      />
      <FieldError id={id} message={problem} />
    </>
  );
}
