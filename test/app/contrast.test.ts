import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { colourScale } from '../../app/heatmap/colour.ts';
import { contrastRatio, DARK_TEXT, LIGHT_TEXT, textOn } from '../../app/heatmap/contrast.ts';

const hex = (n: number) => n.toString(16).padStart(2, '0');

describe('WCAG contrast', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrastRatio('#777777', '#777777')).toBeCloseTo(1, 6);
    // The masked-cell pair axe measured before the fix.
    expect(contrastRatio('#5b6169', '#c9ccd1')).toBeCloseTo(3.88, 2);
  });

  it('every colour of every heatmap scale gets text at 4.5:1 or better', () => {
    const data = new Float32Array([-2, 0, 3]);
    for (const kind of ['weights', 'scores'] as const) {
      const { ramp } = colourScale(kind, data);
      let worst = Number.POSITIVE_INFINITY;
      for (let i = 0; i <= 1000; i++) {
        const fill = ramp(i / 1000);
        worst = Math.min(worst, contrastRatio(textOn(fill), fill));
      }
      expect(worst).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('picks the better of black and white for any colour, and that is at least 4.5:1', () => {
    fc.assert(
      fc.property(fc.nat(255), fc.nat(255), fc.nat(255), (r, g, b) => {
        const fill = `#${hex(r)}${hex(g)}${hex(b)}`;
        const chosen = contrastRatio(textOn(fill), fill);
        const other = contrastRatio(textOn(fill) === DARK_TEXT ? LIGHT_TEXT : DARK_TEXT, fill);
        return chosen >= other && chosen >= 4.5;
      }),
      { numRuns: 2000 },
    );
  });

  it('masked cells are readable in both themes', () => {
    const css = readFileSync(new URL('../../app/styles.css', import.meta.url), 'utf8');
    const all = (name: string) => [...css.matchAll(new RegExp(`--${name}: (#[0-9a-f]{6});`, 'g'))];
    const cells = all('masked').map((m) => m[1]);
    const texts = all('masked-text').map((m) => m[1]);
    expect(cells).toHaveLength(2); // light and dark
    cells.forEach((cell, i) => {
      expect(contrastRatio(texts[i], cell)).toBeGreaterThanOrEqual(4.5);
    });
  });
});
