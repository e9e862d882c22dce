/** Reading numbers the learner types: a message instead of a value when the text is not one. */
export type Parsed = { ok: true; value: number } | { ok: false; message: string };

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
