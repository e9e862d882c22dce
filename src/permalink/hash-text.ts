/**
 * The hash as the learner typed it: browsers percent-encode characters such as spaces and `<`
 * in `location.hash`, and messages should quote what was typed. A permalink's payload is
 * base64url, which has no `%`, so decoding never changes a link the page wrote.
 */
export function hashText(hash: string): string {
  try {
    return decodeURIComponent(hash);
  } catch {
    return hash;
  }
}
