import { useEffect, useMemo, useState } from 'react';
import { loadTypesetAfterPaint, typesetNow } from './katex-loader.ts';

/**
 * TeX typeset by KaTeX (HTML for the eye, MathML for screen readers); bad TeX shows in red.
 * Until KaTeX has loaded (after the page's first paint) it shows `fallback`, the formula as
 * plain text, in a `<code>` on the same line box.
 */
export function Tex({
  tex,
  fallback = tex,
  display = false,
}: {
  tex: string;
  fallback?: string;
  display?: boolean;
}) {
  const [typeset, setTypeset] = useState(typesetNow);
  useEffect(() => {
    if (typeset) return;
    let live = true;
    loadTypesetAfterPaint().then(
      (t) => live && setTypeset(() => t),
      // Offline or a failed chunk: the plain-text formula stays, which says the same.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [typeset]);
  const html = useMemo(() => typeset?.(tex, display), [typeset, tex, display]);
  if (html === undefined) {
    return (
      <span className={display ? 'tex tex-pending tex-display' : 'tex tex-pending'}>
        <code>{fallback}</code>
      </span>
    );
  }
  // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX's output, from our own TeX
  return <span className="tex" dangerouslySetInnerHTML={{ __html: html }} />;
}
