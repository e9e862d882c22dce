/** Reading numbers the learner types: a message instead of a value when the text is not one. */

/** What a field's text says: a value to commit, or why it is refused. */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };
export type Parsed = Checked<number>;

export interface NumberRules {
  min: number;
  max: number;
  integer?: boolean;
}

export function parseNumber(text: string, rules: NumberRules): Parsed {
  const trimmed = text.trim().replace(',', '.').replace('−', '-');
  if (trimmed === '') return { ok: false, message: 'Type a number.' };
  // Number() accepts "0x1f" and "  ", so check the shape first.
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)) {
    return { ok: false, message: `“${text.trim()}” is not a number.` };
  }
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, message: `“${text.trim()}” is too large.` };
  if (rules.integer && !Number.isInteger(value)) {
    return { ok: false, message: 'Use a whole number.' };
  }
  if (value < rules.min || value > rules.max) {
    return { ok: false, message: `Use a number from ${rules.min} to ${rules.max}.` };
  }
  return { ok: true, value };
}
