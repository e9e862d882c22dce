import './code.css';
import { useMemo, useState } from 'react';
import { tokenize } from './python.ts';

/** The PyTorch lines that compute the step, with the learner's numbers filled in. */
export function CodePanel({ code }: { code: string }) {
  const tokens = useMemo(() => tokenize(code), [code]);
  const [copied, setCopied] = useState(false);
  const copy = () => {
    navigator.clipboard?.writeText(code).then(
      () => {
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      },
      () => {},
    );
  };
  return (
    <figure className="code" aria-label="PyTorch code">
      <figcaption>
        <span>PyTorch</span>
        <button type="button" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </figcaption>
      {/* Focusable: on a phone the lines scroll sideways, and keys must reach them too. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus */}
      <pre tabIndex={0}>
        <code>
          {tokens.map((t, i) =>
            t.kind === 'plain' ? (
              t.text
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: a static token list
              <span key={i} className={`py-${t.kind}`}>
                {t.text}
              </span>
            ),
          )}
        </code>
      </pre>
    </figure>
  );
}
