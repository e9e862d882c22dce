import './beyond.css';
import { MAX_SENTENCES, type SentenceWindow } from '../../src/chapter/beyond/state.ts';
import { paddingBatch } from '../../src/chapter/steps/4.3-padding.ts';
import type { StepDef } from '../../src/chapter/steps/index.ts';
import { readLocal } from '../../src/chapter/steps/local.ts';
import { PanelGroups } from '../steps/PanelGroups.tsx';
import { useActions, useLab } from '../store/index.ts';
import { useStepGroups } from './useStepGroups.ts';

/** §4.3: the batch's sentences (add or remove tokens each), then their masks and weights. */
export function PaddingBody({ def }: { def: StepDef }) {
  const view = useLab((s) => s.view);
  const { edit } = useActions();
  const shown = useStepGroups();
  const { batch, problems } = paddingBatch(view);
  const T = view.tokens.length;
  const sentences = (readLocal(def.local ?? {}, view).sentences as SentenceWindow[]).map((s) => ({
    // A fresh object per sentence: indexOf below finds each one's own place.
    start: Math.min(s.start, T - 1),
    length: Math.max(1, Math.min(s.length, T - Math.min(s.start, T - 1))),
  }));
  const set = (next: SentenceWindow[]) =>
    edit((v) => ({ ...v, local: { ...v.local, sentences: next } }));
  const resize = (i: number, delta: number) =>
    set(sentences.map((s, j) => (j === i ? { ...s, length: s.length + delta } : s)));
  return (
    <div className="beyond">
      <section className="controls sentences" aria-label="Batch">
        {sentences.map((s) => {
          const i = sentences.indexOf(s);
          const real = batch.attention_mask[i].filter((m) => m === 1).length;
          return (
            <div key={`sentence ${s.start} ${s.length} ${i}`} className="sentence">
              <span className="sentence-name">Sentence {i + 1}:</span>{' '}
              <span>“{view.tokens.slice(s.start, s.start + s.length).join(' ')}”</span>{' '}
              <span className="stat">
                ({real} tokens, {batch.T - real} pad)
              </span>{' '}
              <button
                type="button"
                aria-label={`Remove a token from sentence ${i + 1}`}
                disabled={s.length <= 1}
                onClick={() => resize(i, -1)}
              >
                −
              </button>
              <button
                type="button"
                aria-label={`Add a token to sentence ${i + 1}`}
                disabled={s.start + s.length >= T}
                onClick={() => resize(i, 1)}
              >
                +
              </button>
            </div>
          );
        })}
        {sentences.length < MAX_SENTENCES && (
          <button type="button" onClick={() => set([...sentences, { start: 0, length: 1 }])}>
            Add a sentence
          </button>
        )}
        {sentences.length > 2 && (
          <button type="button" onClick={() => set(sentences.slice(0, -1))}>
            Remove the last sentence
          </button>
        )}
        {problems.map((p) => (
          <p key={p} className="field-error" role="alert">
            {p}
          </p>
        ))}
      </section>
      {shown ? <PanelGroups groups={shown.groups} /> : <p className="computing">Computing…</p>}
    </div>
  );
}
