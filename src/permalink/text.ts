/**
 * String helpers that count and cut by Unicode code point, so a token name is never split inside
 * an emoji or other character outside the Basic Multilingual Plane.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Whether the string has a half of a UTF-16 surrogate pair (these cannot survive UTF-8). */
export function hasLoneSurrogate(text: string): boolean {
  LONE_SURROGATE.lastIndex = 0;
  return LONE_SURROGATE.test(text);
}

/** Replaces each unpaired surrogate with U+FFFD, as TextEncoder would do silently. */
export function replaceLoneSurrogates(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/** Code points in `text`, counting no further than `stopAt` (names may be megabytes long). */
export function codePointLength(text: string, stopAt = Number.POSITIVE_INFINITY): number {
  let count = 0;
  for (let i = 0; i < text.length && count < stopAt; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** The first `max` code points of `text`. */
export function cutToCodePoints(text: string, max: number): string {
  let count = 0;
  let i = 0;
  while (i < text.length && count < max) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    const pair = unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    i += pair ? 2 : 1;
    count++;
  }
  return text.slice(0, i);
}
