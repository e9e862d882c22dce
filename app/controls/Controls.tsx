import './controls.css';
import {
  MAX_D_OUT,
  MAX_HEADS,
  MAX_SEED,
  MIN_D_OUT,
  MIN_HEADS,
  MIN_SEED,
} from '../../src/chapter/limits.ts';
import type { ControlId, StepDef } from '../../src/chapter/steps/index.ts';
import type { ViewState } from '../../src/chapter/view.ts';
import { useActions, useLab } from '../store/index.ts';
import { Check, Dropout, Mode, Query } from './Fields.tsx';
import { NumberField } from './NumberField.tsx';

type Setter = <K extends keyof ViewState>(key: K, value: ViewState[K]) => void;

function control(
  id: ControlId,
  view: ViewState,
  set: Setter,
  def: StepDef,
  errorFor: (f: string) => string | null,
) {
  const hint = def.hints?.[id];
  switch (id) {
    case 'query':
      return <Query view={view} onChange={(row) => set('locked', { head: 0, row, col: row })} />;
    case 'seed':
      return (
        <NumberField
          label="Seed"
          hint={hint}
          value={view.seed}
          min={MIN_SEED}
          max={MAX_SEED}
          integer
          onCommit={(v) => set('seed', v)}
          error={errorFor('seed')}
        />
      );
    case 'd_out':
      return (
        <NumberField
          label="d_out"
          hint={hint}
          value={view.d_out}
          min={MIN_D_OUT}
          max={MAX_D_OUT}
          integer
          step={1}
          onCommit={(v) => set('d_out', v)}
          error={errorFor('d_out')}
        />
      );
    case 'num_heads':
      return (
        <NumberField
          label="num_heads"
          value={view.num_heads}
          min={MIN_HEADS}
          max={MAX_HEADS}
          integer
          step={1}
          onCommit={(v) => set('num_heads', v)}
          error={errorFor('num_heads')}
        />
      );
    case 'qkv_bias':
      return (
        <Check
          label="qkv_bias"
          checked={view.qkv_bias}
          onChange={(v) => set('qkv_bias', v)}
          error={errorFor('qkv_bias')}
        />
      );
    case 'dropout':
      return (
        <Dropout
          value={view.dropout}
          onChange={(v) => set('dropout', v)}
          error={errorFor('dropout')}
        />
      );
    case 'training':
      return <Mode training={view.training} onChange={(v) => set('training', v)} />;
    case 'causal':
      return (
        <Check
          label="causal mask"
          checked={view.causal}
          onChange={(v) => set('causal', v)}
          error={errorFor('causal')}
        />
      );
    case 'scaled':
      return (
        <Check
          label="scale by √d_k"
          checked={view.scaled}
          onChange={(v) => set('scaled', v)}
          error={errorFor('scaled')}
        />
      );
  }
}

/** The settings this step offers, each labelled; an engine error shows by its field. */
export function Controls({ def }: { def: StepDef }) {
  const view = useLab((s) => s.view);
  const fault = useLab((s) => s.fault);
  const { edit } = useActions();
  const set: Setter = (key, value) => edit((v) => ({ ...v, [key]: value }));
  const errorFor = (field: string) => (fault?.field === field ? fault.message : null);
  if (def.controls.length === 0) return null;
  return (
    <section className="controls" aria-label="Settings">
      {def.controls.map((id) => (
        <div key={id} className="control">
          {control(id, view, set, def, errorFor)}
        </div>
      ))}
    </section>
  );
}

/** The fields Controls and the editor show errors for; others go to the step's banner. */
export const FIELD_HOMES = new Set([
  'seed',
  'd_out',
  'num_heads',
  'qkv_bias',
  'dropout',
  'causal',
  'scaled',
  'embeddings',
  'tokens',
]);
