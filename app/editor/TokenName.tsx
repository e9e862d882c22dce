import { useId, useState } from 'react';
import { MAX_TOKEN_NAME_LENGTH } from '../../src/chapter/limits.ts';

/** A token's name, renamed in place; an empty or overlong name is refused with a message. */
export function TokenName({
  index,
  name,
  onCommit,
}: {
  index: number;
  name: string;
  onCommit(name: string): void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const change = (text: string) => {
    setDraft(text);
    const trimmed = text.trim();
    if (trimmed === '') return setProblem(`A token needs a name. Keeping “${name}”.`);
    if ([...trimmed].length > MAX_TOKEN_NAME_LENGTH) {
      return setProblem(`At most ${MAX_TOKEN_NAME_LENGTH} characters. Keeping “${name}”.`);
    }
    setProblem(null);
    if (trimmed !== name) onCommit(trimmed);
  };
  return (
    <>
      <input
        className="token-input"
        type="text"
        aria-label={`token ${index + 1} name`}
        value={draft ?? name}
        size={Math.max(4, Math.min(12, name.length + 1))}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? id : undefined}
        onChange={(e) => change(e.currentTarget.value)}
        onBlur={() => {
          setDraft(null);
          setProblem(null);
        }}
      />
      {problem && (
        <span className="field-error" id={id} role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
