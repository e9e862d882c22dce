/** A tiny Python highlighter for our own snippets: comments, strings, numbers, keywords. */
export type TokenKind = 'comment' | 'string' | 'number' | 'keyword' | 'name' | 'plain';

export interface CodeToken {
  text: string;
  kind: TokenKind;
}

const KEYWORDS = new Set([
  'import',
  'from',
  'class',
  'def',
  'return',
  'for',
  'in',
  'if',
  'else',
  'assert',
  'True',
  'False',
  'None',
  'self',
  'super',
  'lambda',
  'print',
]);

const PATTERN =
  /(#.*$)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(\b\d+(?:\.\d+)?(?:e[-+]?\d+)?\b)|([A-Za-z_][A-Za-z_0-9]*)/gm;

export function tokenize(code: string): CodeToken[] {
  const out: CodeToken[] = [];
  let last = 0;
  for (const m of code.matchAll(PATTERN)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ text: code.slice(last, at), kind: 'plain' });
    const [text, comment, str, num, word] = m;
    const kind: TokenKind = comment
      ? 'comment'
      : str
        ? 'string'
        : num
          ? 'number'
          : word && KEYWORDS.has(word)
            ? 'keyword'
            : word === 'torch' || word === 'nn'
              ? 'name'
              : 'plain';
    out.push({ text, kind });
    last = at + text.length;
  }
  if (last < code.length) out.push({ text: code.slice(last), kind: 'plain' });
  return out;
}
