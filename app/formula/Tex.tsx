import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useMemo } from 'react';

/** TeX typeset by KaTeX (HTML for the eye, MathML for screen readers); bad TeX shows in red. */
export function Tex({ tex, display = false }: { tex: string; display?: boolean }) {
  const html = useMemo(
    () =>
      katex.renderToString(tex, {
        throwOnError: false,
        displayMode: display,
        output: 'htmlAndMathml',
      }),
    [tex, display],
  );
  // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX's output, from our own TeX
  return <span className="tex" dangerouslySetInnerHTML={{ __html: html }} />;
}
