import { kvSharingWords } from '../../src/chapter/beyond/kv-sizes.ts';
import { MAX_HEADS, MIN_HEADS } from '../../src/chapter/limits.ts';
import { NumberField } from '../controls/NumberField.tsx';
import { useActions, useLab } from '../store/index.ts';
import { HeadSharing } from './HeadSharing.tsx';

interface KvHeadsControlProps {
  /** The step-local field holding the count (§4.1 `num_kv_groups`, §4.2 `kv_groups`). */
  field: string;
  label: string;
  hint: string;
  /** The section's accessible name. */
  name: string;
  /** What the learner typed, and what is used: a divisor of num_heads, else a message. */
  wanted: number;
  groups: number;
  problem: string | null;
}

/** The key/value head count of a step, and a picture of which query heads share which. */
export function KvHeadsControl({
  field,
  label,
  hint,
  name,
  wanted,
  groups,
  problem,
}: KvHeadsControlProps) {
  const heads = useLab((s) => s.view.num_heads);
  const { edit } = useActions();
  return (
    <section className="controls kv-heads" aria-label={name}>
      <div className="control kv-count">
        <NumberField
          label={label}
          hint={hint}
          value={wanted}
          min={MIN_HEADS}
          max={MAX_HEADS}
          integer
          step={1}
          onCommit={(v) => edit((s) => ({ ...s, local: { ...s.local, [field]: v } }))}
          error={problem}
        />
        <p className="note">{kvSharingWords(heads, groups)}.</p>
      </div>
      <HeadSharing heads={heads} groups={groups} />
    </section>
  );
}
