import { useId } from 'react';
import { MAX_TOKEN_NAME_LENGTH } from '../../src/chapter/limits.ts';
import type { Checked } from '../controls/parse.ts';
import { FieldError, useDraft } from '../controls/useDraft.tsx';

function checkName(text: string): Checked<string> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'A token needs a name.' };
  if ([...trimmed].length > MAX_TOKEN_NAME_LENGTH) {
    return { ok: false, message: `At most ${MAX_TOKEN_NAME_LENGTH} characters.` };
  }
  return { ok: true, value: trimmed };
}

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
  const { problem, field } = useDraft(name, checkName, onCommit, `“${name}”`);
  const id = useId();
  return (
    <>
      <input
        className="token-input"
        type="text"
        aria-label={`token ${index + 1} name`}
        {...field}
        size={Math.max(4, Math.min(12, name.length + 1))}
        aria-describedby={problem ? id : undefined}
      />
      <FieldError id={id} message={problem} />
    </>
  );
}
