/**
 * KaTeX and its stylesheet, loaded on demand by `loadTypeset` (katex-loader.ts): its ~590 kB of
 * source would otherwise be evaluated before the page's first paint.
 */
import katex from 'katex';
import 'katex/dist/katex.min.css';

/** TeX as HTML for the eye and MathML for screen readers; bad TeX shows in red, never throws. */
export function typeset(tex: string, display: boolean): string {
  return katex.renderToString(tex, {
    throwOnError: false,
    displayMode: display,
    output: 'htmlAndMathml',
  });
}
