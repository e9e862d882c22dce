import { stepDef } from '../chapter/steps/index.ts';
import { readLocal } from '../chapter/steps/local.ts';
import { decodeView } from '../permalink/codec.ts';
import { hashText } from '../permalink/hash-text.ts';
import { MAX_TEXT_CHARS } from '../tokenizer/index.ts';
import type { Gpt2Local } from './view.ts';

/**
 * The Exercise 3.3 step's text and seed in a permalink (`location.hash`), read as the page will
 * read it (repaired, defaults filled in); null for a link to any other step.
 */
export function gpt2LinkInputs(link: string): { text: string; seed: number } | null {
  const { state } = decodeView(hashText(link));
  if (state.step !== 'ex3.3') return null;
  const fields = stepDef(state.step).local;
  const local = (fields ? readLocal(fields, state) : {}) as unknown as Partial<Gpt2Local>;
  return { text: (local.text ?? '').slice(0, MAX_TEXT_CHARS), seed: state.seed };
}
