import './code.css';
import { useMemo, useState } from 'react';
import { runnableScript } from '../../src/export/script.ts';
import { useLab } from '../store/index.ts';
import { tokenize } from './python.ts';

/** The PyTorch lines that compute the step, with the learner's numbers filled in. */
export function CodePanel({ code }: { code: string }) {
  const tokens = useMemo(() => tokenize(code), [code]);
  const view = useLab((s) => s.view);
  const script = useMemo(() => runnableScript(view), [view]);
  const [copied, setCopied] = useState<'lines' | 'script' | null>(null);
  const copy = (what: 'lines' | 'script') => () => {
    // The script is complete: the learner's inputs, the classes, and prints of the numbers.
    const text = what === 'lines' ? code : (script ?? code);
    navigator.clipboard?.writeText(text).then(
      () => {
        setCopied(what);
        setTimeout(() => setCopied(null), 1500);
      },
      () => {},
    );
  };
  return (
    <figure className="code" aria-label="PyTorch code">
      <figcaption>
        <span>PyTorch</span>
        <span className="code-buttons">
          <button type="button" onClick={copy('lines')}>
            {copied === 'lines' ? 'Copied' : 'Copy'}
          </button>
          {script && (
            <button type="button" onClick={copy('script')}>
              {copied === 'script' ? 'Copied' : 'Copy runnable script'}
            </button>
          )}
        </span>
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
