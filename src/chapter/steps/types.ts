import type { AttentionConfigInput } from '../../engine/config.ts';
import type { StepId, ViewState } from '../view.ts';

/** The controls a step can offer, named after the ViewState fields they edit. */
export const CONTROL_IDS = [
  'query',
  'seed',
  'd_out',
  'num_heads',
  'qkv_bias',
  'dropout',
  'training',
  'causal',
  'scaled',
] as const;
export type ControlId = (typeof CONTROL_IDS)[number];

/** A cell the formula panel explains when nothing is hovered or locked. */
export interface FeaturedCell {
  /** The panel's label (labels are unique on a step). */
  panel: string;
  row: number;
  col: number;
}

/** One screen of the explainer: the chapter's section, in its order and words. */
export interface StepDef {
  id: StepId;
  /** Two or three words for the step list. */
  short: string;
  /** The section's heading, as the chapter words it. */
  title: string;
  /** A few short paragraphs in our own words; plain text with Unicode maths. */
  prose: readonly string[];
  /** The PyTorch lines that compute this step (ours), with the learner's numbers filled in. */
  code(view: ViewState): string;
  controls: readonly ControlId[];
  /** Extra words for a control on this step, e.g. d_out being per head in the wrapper. */
  hints?: Partial<Record<ControlId, string>>;
  /** The engine requests this step draws from, main one first. */
  configsFor(view: ViewState): AttentionConfigInput[];
  featured(view: ViewState): FeaturedCell;
}

/** The token a one-query step walks through: the locked row, else x⁽²⁾ as in the book. */
export function queryIndex(view: ViewState): number {
  const t = view.tokens.length;
  const row = view.locked?.row ?? 1;
  return Math.max(0, Math.min(t - 1, row));
}

/** The inputs every config shares. */
export function inputsOf(view: ViewState): Pick<AttentionConfigInput, 'tokens' | 'embeddings'> {
  return { tokens: view.tokens, embeddings: view.embeddings };
}

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
