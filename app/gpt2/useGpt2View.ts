import { stepDef } from '../../src/chapter/steps/index.ts';
import { readLocal } from '../../src/chapter/steps/local.ts';
import type { Gpt2Local } from '../../src/gpt2/view.ts';
import { useActions, useLab } from '../store/index.ts';

/**
 * The step's state from the store: its own fields (text, head shown, zoom) in `view.local`, the
 * seed shared with the chapter. Changes are edits (undoable, in the permalink).
 */
export function useGpt2View(): {
  local: Gpt2Local;
  seed: number;
  setLocal: (change: Partial<Gpt2Local>) => void;
} {
  const view = useLab((s) => s.view);
  const { edit } = useActions();
  const fields = stepDef(view.step).local;
  const local = (fields ? readLocal(fields, view) : {}) as unknown as Gpt2Local;
  return {
    local,
    seed: view.seed,
    setLocal: (change) => edit((v) => ({ ...v, local: { ...v.local, ...change } })),
  };
}
