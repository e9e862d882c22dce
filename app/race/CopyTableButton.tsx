import { useEffect, useRef, useState } from 'react';
import { copyText } from '../share/share-link.ts';

type Outcome = 'idle' | 'copied' | 'manual';

/**
 * "Copy table": the results as Markdown on the clipboard. Where the clipboard is refused, the
 * table appears in a read-only text box, selected, for the learner to copy by hand.
 */
export function CopyTableButton({ markdown }: { markdown: string }) {
  const [outcome, setOutcome] = useState<Outcome>('idle');
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (outcome === 'manual') box.current?.select();
  }, [outcome]);
  const copy = async () => setOutcome((await copyText(markdown)) ? 'copied' : 'manual');
  return (
    <div className="race-copy">
      <button type="button" onClick={copy}>
        Copy table
      </button>
      <span role="status">
        {outcome === 'copied'
          ? 'Table copied as Markdown'
          : outcome === 'manual'
            ? 'Copy this table (Ctrl+C):'
            : ''}
      </span>
      {outcome === 'manual' && (
        <textarea
          ref={box}
          readOnly
          rows={Math.min(12, markdown.split('\n').length)}
          aria-label="Results as a Markdown table"
          value={markdown}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </div>
  );
}
