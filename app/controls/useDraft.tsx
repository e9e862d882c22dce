import { type ChangeEvent, useState } from 'react';
import type { Checked } from './parse.ts';

/**
 * The text being typed into a field, checked on every keystroke: a valid text commits at once
 * (when it changes the value), a refused one keeps the last value in force and says why.
 * Leaving the field shows the value in force again. `kept` is how the message names it.
 */
export function useDraft<T>(
  value: T,
  check: (text: string) => Checked<T>,
  onCommit: (value: T) => void,
  kept = String(value),
) {
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const change = (text: string) => {
    setDraft(text);
    const checked = check(text);
    if (!checked.ok) return setProblem(`${checked.message} Keeping ${kept}.`);
    setProblem(null);
    if (checked.value !== value) onCommit(checked.value);
  };
  const field = {
    value: draft ?? String(value),
    'aria-invalid': problem ? true : undefined,
    onChange: (e: ChangeEvent<HTMLInputElement>) => change(e.currentTarget.value),
    onBlur: () => {
      setDraft(null);
      setProblem(null);
    },
  };
  return { problem, change, field };
}

/** The message next to a field that refused what was typed; nothing when all is well. */
export function FieldError({ id, message }: { id?: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <span className="field-error" id={id} role="alert">
      {message}
    </span>
  );
}
