/** Writing the code panel's PyTorch: the learner's inputs as a literal, lined-up comments. */
import type { ViewState } from '../view.ts';

/** Python's spelling of a boolean. */
export const py = (b: boolean) => (b ? 'True' : 'False');

/** The embeddings as a Python literal, one row per line, for the code panel. */
export function pythonInputs(view: ViewState): string {
  const shown = view.embeddings.length > 8 ? 6 : view.embeddings.length;
  const names = view.tokens.map((t) => t.replace(/\s+/g, ' '));
  const width = Math.max(...names.slice(0, shown).map((t) => t.length));
  const rows = view.embeddings.slice(0, shown).map((row, i) => {
    const values = row.map((x) => String(x)).join(', ');
    return `    [${values}],  # ${names[i].padEnd(width)} (x^${i + 1})`;
  });
  const rest = view.embeddings.length - shown;
  if (rest > 0) rows.push(`    # … ${rest} more rows, one per token`);
  return ['inputs = torch.tensor([', ...rows, '])'].join('\n');
}

/** The softmax of `scores`, divided by √d_k unless the learner switched scaling off. */
export function scaledSoftmax(view: Pick<ViewState, 'scaled'>, scores: string): string {
  return view.scaled
    ? `torch.softmax(${scores} / keys.shape[-1]**0.5, dim=-1)`
    : `torch.softmax(${scores}, dim=-1)  # scaling off`;
}

/**
 * Lines of code with their trailing `# comments` lined up, block by block (blank lines
 * separate blocks), so a snippet reads like hand-formatted code whatever the numbers in it.
 */
export function aligned(lines: string[]): string {
  const out: string[] = [];
  let block: string[] = [];
  const flush = () => {
    const split = block.map((line) => {
      const at = line.indexOf('  # ');
      return at > 0 && line.slice(0, at).trim()
        ? [line.slice(0, at).trimEnd(), line.slice(at).trim()]
        : [line, ''];
    });
    const width = Math.min(
      56,
      Math.max(0, ...split.filter(([, c]) => c).map(([code]) => code.length)),
    );
    for (const [code, comment] of split)
      out.push(comment ? `${code.padEnd(width)}  ${comment}` : code);
    block = [];
  };
  for (const line of lines.join('\n').split('\n')) {
    if (line.trim() === '') {
      flush();
      out.push(line);
    } else block.push(line);
  }
  flush();
  return out.join('\n');
}
