import './share.css';
import { useEffect, useRef, useState } from 'react';
import { useLab } from '../store/index.ts';
import { copyText, shareLink } from './share-link.ts';

/** How long "Link copied" stays. */
const SAID_MS = 4000;

type Outcome = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; link: string };

/**
 * "Share link": copies the permalink of the view on screen and says so. Where the clipboard is
 * refused, the link appears in a read-only field, selected, for the learner to copy by hand.
 */
export function ShareButton() {
  const view = useLab((s) => s.view);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (outcome.kind !== 'copied') return;
    const timer = setTimeout(() => setOutcome({ kind: 'idle' }), SAID_MS);
    return () => clearTimeout(timer);
  }, [outcome]);
  useEffect(() => {
    if (outcome.kind === 'manual') field.current?.select();
  }, [outcome]);

  const share = async () => {
    const link = shareLink(view, window.location);
    setOutcome((await copyText(link)) ? { kind: 'copied' } : { kind: 'manual', link });
  };
  const said =
    outcome.kind === 'copied'
      ? 'Link copied'
      : outcome.kind === 'manual'
        ? 'Copy this link (Ctrl+C):'
        : '';
  return (
    <div className="share">
      <button type="button" onClick={share}>
        Share link
      </button>
      {/* Always in the DOM, so screen readers announce what is written into it. */}
      <span className="share-status" role="status">
        {said}
      </span>
      {outcome.kind === 'manual' && (
        <input
          ref={field}
          className="share-link"
          type="text"
          readOnly
          aria-label="Link to this view"
          value={outcome.link}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </div>
  );
}
