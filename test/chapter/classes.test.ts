import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEPT_LINE } from '../../src/chapter/classes.ts';
import { stepDef } from '../../src/chapter/steps/index.ts';
import { defaultView, type StepId } from '../../src/chapter/view.ts';
import { runnableScript } from '../../src/export/script.ts';

/** The `class name(...)` block of some Python: up to the next unindented line. */
function classBlock(code: string, name: string): string {
  const lines = code.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`class ${name}(`));
  if (start < 0) throw new Error(`no class ${name} in:\n${code}`);
  let end = start + 1;
  while (end < lines.length && (lines[end] === '' || lines[end].startsWith(' '))) end++;
  while (lines[end - 1] === '') end--;
  return lines.slice(start, end).join('\n');
}

const PANEL_CLASSES: [StepId, string][] = [
  ['3.4.2', 'SelfAttention_v2'],
  ['3.5.3', 'CausalAttention'],
  ['3.6.1', 'MultiHeadAttentionWrapper'],
];

describe('the chapter’s classes: one text for the code panel and the copied script', () => {
  it.each(PANEL_CLASSES)('%s shows %s as the script defines it', (step, name) => {
    const toggles = fc.record({
      causal: fc.boolean(),
      scaled: fc.boolean(),
      training: fc.boolean(),
    });
    fc.assert(
      fc.property(toggles, (flags) => {
        const view = { ...defaultView(step), ...flags };
        const panel = classBlock(stepDef(step).code(view), name);
        const script = classBlock(runnableScript(view) ?? '', name);
        // The script's one extra line keeps the weights it prints.
        const kept = script.split('\n').filter((l) => l !== KEPT_LINE);
        expect(panel).toBe(kept.join('\n'));
        expect(panel.split('\n').length).toBeGreaterThan(8);
      }),
      { numRuns: 16 },
    );
  });

  it('follows the page’s toggles: mask and scaling', () => {
    const on = { ...defaultView('3.5.3'), causal: true, scaled: true };
    const off = { ...on, causal: false, scaled: false };
    const code = (v: typeof on) => classBlock(stepDef('3.5.3').code(v), 'CausalAttention');
    expect(code(on)).toContain(
      '        attn_scores.masked_fill_(self.mask.bool()[:T, :T], -torch.inf)\n' +
        '        attn_weights = torch.softmax(attn_scores / keys.shape[-1]**0.5, dim=-1)',
    );
    expect(code(off)).toContain(
      '        # causal mask switched off\n' +
        '        attn_weights = torch.softmax(attn_scores, dim=-1)  # scaling off',
    );
  });

  it('the script keeps the weights in every class that computes them', () => {
    const script = runnableScript(defaultView('3.6.1')) ?? '';
    expect(classBlock(script, 'CausalAttention')).toContain(KEPT_LINE);
    expect(classBlock(script, 'MultiHeadAttentionWrapper')).not.toContain(KEPT_LINE);
  });
});
