import type { RaceLocal } from '../../src/chapter/steps/race.ts';
import { IMPL_IDS, IMPL_LABELS, type ImplId } from '../../src/race/implementations.ts';
import { T_CHOICES, WIDTHS } from '../../src/race/sizes.ts';

interface Props {
  local: RaceLocal;
  reasons: Record<ImplId, string | null> | null;
  threads: number;
  disabled: boolean;
  onChange(change: Partial<RaceLocal>): void;
}

/** Toggles `x` in a list, keeping the order of `all`; never empties the list. */
function toggle<X>(all: readonly X[], list: readonly X[], x: X): X[] {
  const next = list.includes(x) ? list.filter((y) => y !== x) : [...list, x];
  return next.length > 0 ? all.filter((y) => next.includes(y)) : [...list];
}

/** The race's settings: sizes T, the model width and the runners (those that cannot run, why). */
export function RaceSettings({ local, reasons, threads, disabled, onChange }: Props) {
  return (
    <div className="race-settings">
      <fieldset disabled={disabled}>
        <legend>Sequence lengths T</legend>
        {T_CHOICES.map((t) => (
          <label key={t}>
            <input
              type="checkbox"
              checked={local.sizes.includes(t)}
              onChange={() => onChange({ sizes: toggle(T_CHOICES, local.sizes, t) })}
            />
            {t}
          </label>
        ))}
      </fieldset>
      <label className="race-width">
        Model width{' '}
        <select
          disabled={disabled}
          value={local.d}
          onChange={(e) => onChange({ d: Number(e.target.value) })}
        >
          {WIDTHS.map((w) => (
            <option key={w.d} value={w.d}>
              d = {w.d}, {w.heads} heads{w.d === 768 ? ' (GPT-2 small)' : ''}
            </option>
          ))}
        </select>
      </label>
      <fieldset disabled={disabled} className="race-impls">
        <legend>Implementations ({threads === 1 ? '1 thread' : `all = ${threads} threads`})</legend>
        {IMPL_IDS.map((id) => {
          const reason = reasons?.[id] ?? null;
          return (
            <label key={id}>
              <input
                type="checkbox"
                checked={local.impls.includes(id)}
                onChange={() => onChange({ impls: toggle(IMPL_IDS, local.impls, id) })}
              />
              {IMPL_LABELS[id]}
              {reason && <span className="race-unavailable"> — not available here: {reason}</span>}
            </label>
          );
        })}
      </fieldset>
    </div>
  );
}
