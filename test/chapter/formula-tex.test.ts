import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { panelsFor } from '../../src/chapter/panels/index.ts';
import { configsFor, stepDef } from '../../src/chapter/steps/index.ts';
import { defaultView, STEP_IDS } from '../../src/chapter/view.ts';
import { runAttention } from '../../src/engine/run.ts';

/** Every cell's formula on every step must be TeX KaTeX accepts (bad TeX renders in red). */
describe('formulas typeset', () => {
  for (const step of STEP_IDS) {
    it(`§${step}: every cell's TeX parses`, () => {
      const view = { ...defaultView(step), causal: true };
      const groups = panelsFor(
        view,
        configsFor(view).map((c) => runAttention(c)),
      );
      let checked = 0;
      for (const panel of groups.flatMap((g) => g.panels)) {
        if (!panel.formula) continue;
        for (let r = 0; r < panel.rows.length; r++) {
          for (let c = 0; c < panel.cols.length; c++) {
            const { tex } = panel.formula(r, c);
            expect(() => katex.renderToString(tex, { throwOnError: true }), tex).not.toThrow();
            checked++;
          }
        }
      }
      // A step with a page of its own may draw no formulas; the chapter's panel steps all do.
      if ((stepDef(step).body ?? 'panels') === 'panels') expect(checked).toBeGreaterThan(0);
    });
  }
});
