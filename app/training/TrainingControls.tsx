import { useState } from 'react';
import { MAX_LR } from '../../src/training/local.ts';
import { DEFAULT_LR, type TrainingSetup } from '../../src/training/setup.ts';
import { TASK_LABELS, TASKS, type TaskId } from '../../src/training/tasks.ts';

const D_K = [2, 4, 16, 64];

/** A number typed as text: applied when valid, else a message beside it and the old value kept. */
function NumberInput({
  label,
  value,
  check,
  onChange,
}: {
  label: string;
  value: number;
  check(v: number): string | null;
  onChange(v: number): void;
}) {
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? String(value);
  const v = Number(shown);
  const error = shown.trim() === '' || !Number.isFinite(v) ? 'type a number' : check(v);
  return (
    <div className="field">
      <label>
        {label}{' '}
        <input
          type="text"
          inputMode="decimal"
          value={shown}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            const t = e.currentTarget.value;
            setText(t);
            const n = Number(t);
            if (t.trim() !== '' && Number.isFinite(n) && !check(n)) onChange(n);
          }}
          onBlur={() => {
            if (!error) setText(null);
          }}
        />
      </label>
      {error && (
        <span className="field-error" role="alert">
          {label}: {error}
        </span>
      )}
    </div>
  );
}

/** A setting that is on or off. */
export function CheckField(props: {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  return (
    <div className="field check-field">
      <label>
        <input
          type="checkbox"
          checked={props.checked}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
        />{' '}
        {props.label}
      </label>
    </div>
  );
}

export function SetupControls({
  setup,
  onChange,
}: {
  setup: TrainingSetup;
  onChange(next: TrainingSetup): void;
}) {
  const set = (patch: Partial<TrainingSetup>) => onChange({ ...setup, ...patch });
  return (
    <div className="training-setup">
      <div className="field">
        <label>
          Task{' '}
          <select
            value={setup.task}
            onChange={(e) => {
              const task = e.currentTarget.value as TaskId;
              set({ task, ...(task === 'painted' && !setup.painted ? { painted: DIAGONAL } : {}) });
            }}
          >
            {TASKS.map((t) => (
              <option key={t} value={t}>
                {TASK_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="field">
        <label>
          Optimizer{' '}
          <select
            value={setup.optimizer}
            onChange={(e) => {
              const optimizer = e.currentTarget.value as TrainingSetup['optimizer'];
              set({ optimizer, lr: DEFAULT_LR[optimizer] });
            }}
          >
            <option value="adamw">AdamW</option>
            <option value="sgd">SGD</option>
          </select>
        </label>
      </div>
      <NumberInput
        key={`lr-${setup.optimizer}`}
        label="learning rate"
        value={setup.lr}
        check={(v) => (v <= 0 ? 'must be above 0' : v > MAX_LR ? `at most ${MAX_LR}` : null)}
        onChange={(lr) => set({ lr })}
      />
      <NumberInput
        label="seed"
        value={setup.seed}
        check={(v) => (Number.isInteger(v) && v >= 0 && v < 2 ** 31 ? null : 'a whole number ≥ 0')}
        onChange={(seed) => set({ seed })}
      />
      <div className="field">
        <label>
          d_k{' '}
          <select
            value={setup.d_out}
            onChange={(e) => set({ d_out: Number(e.currentTarget.value) })}
          >
            {D_K.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
      </div>
      <CheckField
        label="scale scores by 1/√d_k"
        checked={setup.scaled}
        onChange={(scaled) => set({ scaled })}
      />
      <CheckField
        label="W_value learns too"
        checked={setup.trainValues}
        onChange={(trainValues) => set({ trainValues })}
      />
    </div>
  );
}

const DIAGONAL = [0, 1, 2, 3, 4, 5].map((i) => [0, 1, 2, 3, 4, 5].map((j) => (i === j ? 1 : 0)));

/** The painted task's target: click a cell to make that key the query's target (one per row). */
export function PaintGrid({
  setup,
  tokens,
  onChange,
}: {
  setup: TrainingSetup;
  tokens: readonly string[];
  onChange(next: TrainingSetup): void;
}) {
  const painted = setup.painted ?? DIAGONAL;
  return (
    <fieldset className="paint-grid">
      <legend>Paint the target weights (one key per query)</legend>
      <div
        className="paint-cells"
        style={{ gridTemplateColumns: `auto repeat(${tokens.length}, 1fr)` }}
      >
        <span />
        {tokens.map((t) => (
          <span key={t} className="paint-head">
            {t}
          </span>
        ))}
        {tokens.map((q, i) => (
          <PaintRow
            key={q}
            query={q}
            row={painted[i]}
            tokens={tokens}
            onPick={(j) =>
              onChange({
                ...setup,
                painted: painted.map((r, k) => (k === i ? r.map((_, c) => (c === j ? 1 : 0)) : r)),
              })
            }
          />
        ))}
      </div>
    </fieldset>
  );
}

function PaintRow(props: {
  query: string;
  row: number[];
  tokens: readonly string[];
  onPick(j: number): void;
}) {
  return (
    <>
      <span className="paint-head">{props.query}</span>
      {props.tokens.map((k, j) => (
        <button
          key={k}
          type="button"
          className="paint-cell"
          aria-pressed={props.row[j] > 0}
          aria-label={`target: ${props.query} attends to ${k}`}
          onClick={() => props.onPick(j)}
        />
      ))}
    </>
  );
}
