/**
 * How a token's text is shown on a chip: a leading space as "·" (GPT-2 folds the space into the
 * next word, " journey" is one token), line breaks and tabs as symbols, and any other control or
 * direction-changing character as its code, so a pasted RTL mark or NUL cannot reorder or break
 * the row of chips.
 */
export function chipLabel(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === ' ') out += '·';
    else if (ch === '\n') out += '↵';
    else if (ch === '\t') out += '⇥';
    else if (ch === '\r') out += '␍';
    else if (isInvisible(code)) out += `\\u{${code.toString(16)}}`;
    else out += ch;
  }
  // a piece of a multi-byte character decodes to nothing on its own
  return out === '' ? '\uFFFD' : out;
}

function isInvisible(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code < 0xa0) ||
    (code >= 0x200b && code <= 0x200f) || // zero-width and LRM/RLM marks
    (code >= 0x202a && code <= 0x202e) || // embeddings and overrides
    (code >= 0x2066 && code <= 0x2069) || // isolates
    code === 0xfeff
  );
}
