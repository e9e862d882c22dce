import { useId } from 'react';
import { type NumberRules, parseNumber } from './parse.ts';
import { FieldError, useDraft } from './useDraft.tsx';

export interface NumberFieldProps extends NumberRules {
  label: string;
  value: number;
  onCommit(value: number): void;
  /** An error from elsewhere (the engine refusing this field). */
  error?: string | null;
  hint?: string;
  /** Arrow-key step; none for seeds. */
  step?: number;
}

/**
 * A labelled number box that commits only valid numbers: while the text is not one, the last
 * valid value stays in force and a message says why, next to the box.
 */
export function NumberField(props: NumberFieldProps) {
  const { label, value, onCommit, error, hint, step } = props;
  const { problem, change, field } = useDraft(value, (text) => parseNumber(text, props), onCommit);
  const id = useId();
  const message = problem ?? error ?? null;
  return (
    <div className="field">
      <label htmlFor={id}>
        <span id={`${id}-label`}>{label}</span>
        {hint && (
          <span className="hint" id={`${id}-hint`}>
            {' '}
            ({hint})
          </span>
        )}
      </label>
      <input
        id={id}
        type="text"
        inputMode={props.integer ? 'numeric' : 'decimal'}
        {...field}
        aria-invalid={message ? true : undefined}
        aria-labelledby={hint ? `${id}-label` : undefined}
        aria-describedby={
          [message && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined
        }
        onKeyDown={(e) => {
          if (!step || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
          e.preventDefault();
          const next = value + (e.key === 'ArrowUp' ? step : -step);
          change(String(Math.round(next * 1e6) / 1e6));
        }}
      />
      <FieldError id={`${id}-error`} message={message} />
    </div>
  );
}
