/**
 * Breaks a long formula into aligned lines at its top-level "=" signs, so a substituted sum
 * wraps in the formula bar (and fits a phone) instead of running off to the side.
 */

/** Splits at " = " outside braces and \left…\right groups. */
export function topLevelParts(tex: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0 && tex.startsWith(' = ', i)) {
      parts.push(tex.slice(start, i));
      start = i + 3;
      i += 2;
    }
  }
  parts.push(tex.slice(start));
  return parts;
}

/** TeX source length per line; a rough stand-in for its width on screen. */
const LINE = 90;

export function layoutTex(tex: string, width = LINE): string {
  const parts = topLevelParts(tex);
  if (tex.length <= width || parts.length < 3) return tex;
  const [lhs, ...rest] = parts;
  const lines: string[][] = [[]];
  let length = 0;
  for (const part of rest) {
    const current = lines[lines.length - 1];
    if (current.length > 0 && length + part.length > width) {
      lines.push([part]);
      length = part.length;
    } else {
      current.push(part);
      length += part.length;
    }
  }
  const body = lines.map((l) => `&= ${l.join(' = ')}`).join(' \\\\ ');
  return `\\begin{aligned} ${lhs} ${body} \\end{aligned}`;
}
