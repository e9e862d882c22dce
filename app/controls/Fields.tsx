/** The small labelled inputs the step settings are made of (numbers are NumberField). */
import { useId } from 'react';
import { MAX_DROPOUT, MIN_DROPOUT } from '../../src/chapter/limits.ts';
import { queryIndex } from '../../src/chapter/steps/index.ts';
import type { ViewState } from '../../src/chapter/view.ts';
import { FieldError } from './useDraft.tsx';

export function Check({
  label,
  checked,
  onChange,
  error,
}: {
  label: string;
  checked: boolean;
  onChange(v: boolean): void;
  error?: string | null;
}) {
  return (
    <div className="field check-field">
      <label>
        <input
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />{' '}
        {label}
      </label>
      <FieldError message={error} />
    </div>
  );
}

export function Mode({ training, onChange }: { training: boolean; onChange(v: boolean): void }) {
  const name = useId();
  return (
    <fieldset className="field mode">
      <legend>Mode</legend>
      <label>
        <input type="radio" name={name} checked={training} onChange={() => onChange(true)} /> train
      </label>
      <label>
        <input type="radio" name={name} checked={!training} onChange={() => onChange(false)} /> eval
      </label>
    </fieldset>
  );
}

export function Dropout({
  value,
  onChange,
  error,
}: {
  value: number;
  onChange(v: number): void;
  error?: string | null;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>dropout p</label>
      <span className="range">
        <input
          id={id}
          type="range"
          min={MIN_DROPOUT}
          max={MAX_DROPOUT}
          step={0.05}
          value={value}
          onChange={(e) => onChange(Number(e.currentTarget.value))}
        />
        <output htmlFor={id}>{value.toFixed(2)}</output>
      </span>
      <FieldError message={error} />
    </div>
  );
}

export function Query({ view, onChange }: { view: ViewState; onChange(row: number): void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Query token</label>
      <select
        id={id}
        value={queryIndex(view)}
        onChange={(e) => onChange(Number(e.currentTarget.value))}
      >
        {view.tokens.map((t, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: tokens repeat; the position is the identity
          <option key={i} value={i}>
            x{i + 1} “{t}”
          </option>
        ))}
      </select>
    </div>
  );
}
