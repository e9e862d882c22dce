/**
 * Names for controls that refer to a token. Tokens may repeat ("the cat saw the dog"), and two
 * controls must not share an accessible name, so a repeated token gets its position:
 * "the (token 1)", "the (token 4)". Unique tokens keep their plain name ("journey").
 */
export function tokenNames(tokens: readonly string[]): string[] {
  const names = [...tokens];
  const numbered = new Set<number>();
  // Numbered names end in distinct positions, so they never collide with each other; a plain
  // name can still equal a numbered one ("a (token 2)"), so repeat until nothing collides.
  for (;;) {
    const count = new Map<string, number>();
    for (const n of names) count.set(n, (count.get(n) ?? 0) + 1);
    const clash = names.flatMap((n, i) => ((count.get(n) ?? 0) > 1 && !numbered.has(i) ? [i] : []));
    if (clash.length === 0) return names;
    for (const i of clash) {
      names[i] = `${tokens[i]} (token ${i + 1})`;
      numbered.add(i);
    }
  }
}
