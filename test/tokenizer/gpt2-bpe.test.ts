import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chipLabel, loadGpt2Tokenizer, MAX_TOKENS } from '../../src/tokenizer/index.ts';

const ids = async (text: string) =>
  (await loadGpt2Tokenizer()).tokenize(text).tokens.map((t) => t.id);

describe('GPT-2 BPE tokenizer (r50k_base)', () => {
  it('gives the ids tiktoken gives for GPT-2 (the book, chapter 2)', async () => {
    expect(await ids('Hello')).toEqual([15496]);
    expect(await ids(' world')).toEqual([995]);
    // chapter 2 prints these for "Hello, do you like tea?" and "In the sunlit terraces of someunknownPlace."
    expect(await ids('Hello, do you like tea?')).toEqual([15496, 11, 466, 345, 588, 8887, 30]);
    expect(await ids(' In the sunlit terraces of someunknownPlace.')).toEqual([
      554, 262, 4252, 18250, 8812, 2114, 286, 617, 34680, 27271, 13,
    ]);
    // "Akwirw ier" splits into unknown-word pieces (chapter 2's BPE example)
    expect(await ids('Akwirw ier')).toEqual([33901, 86, 343, 86, 220, 959]);
  });

  it('keeps the leading space with its word: " journey" is one token', async () => {
    const t = (await loadGpt2Tokenizer()).tokenize('Your journey starts with one step');
    expect(t.tokens.map((x) => x.text)).toEqual([
      'Your',
      ' journey',
      ' starts',
      ' with',
      ' one',
      ' step',
    ]);
    expect(t.tokens.map((x) => x.id)).toEqual([7120, 7002, 4940, 351, 530, 2239]);
    expect(t.note).toBeNull();
  });

  it('treats <|endoftext|> typed as text as ordinary text, never throws', async () => {
    expect(await ids('<|endoftext|>')).toEqual([27, 91, 437, 1659, 5239, 91, 29]);
  });

  it('cuts past 1,024 tokens with a note, and notes an empty text', async () => {
    const tok = await loadGpt2Tokenizer();
    const long = tok.tokenize(' the'.repeat(1500));
    expect(long.tokens).toHaveLength(MAX_TOKENS);
    expect(long.total).toBe(1500);
    expect(long.note).toContain('1,500 tokens');
    const empty = tok.tokenize('');
    expect(empty.tokens).toEqual([]);
    expect(empty.note).toContain('empty');
  });

  it('any text round-trips: the tokens decode back to it (up to 1,024 tokens)', async () => {
    const tok = await loadGpt2Tokenizer();
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => {
        const { tokens } = tok.tokenize(text);
        for (const t of tokens) expect(t.id).toBeGreaterThanOrEqual(0);
        for (const t of tokens) expect(t.id).toBeLessThan(50257);
        // pieces of a split multi-byte character decode to U+FFFD, so compare only when none is
        if (!tokens.some((t) => t.text.includes('\uFFFD')))
          expect(tokens.map((t) => t.text).join('')).toBe(text);
      }),
      { numRuns: 40 },
    );
  }, 30_000);
});

describe('chip labels', () => {
  it('shows a leading space, line breaks and control/direction characters visibly', () => {
    expect(chipLabel(' journey')).toBe('·journey');
    expect(chipLabel('\n')).toBe('↵');
    expect(chipLabel('\u202e')).toBe('\\u{202e}');
    expect(chipLabel('\u0000')).toBe('\\u{0}');
    expect(chipLabel('שלום')).toBe('שלום');
  });

  it('never contains a control or bidi-override character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (s) => {
        for (const ch of chipLabel(s)) {
          const c = ch.codePointAt(0) ?? 0;
          const hidden = c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x200b && c <= 0x200f);
          const bidi = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff;
          expect(hidden || bidi, `U+${c.toString(16)}`).toBe(false);
        }
      }),
    );
  });
});
