/**
 * Pure edits of the learner's ViewState. Each returns a new, consistent view (the locked cell
 * and scatter dimensions stay inside the matrix) so the store never holds an impossible state.
 */
import { randomEmbeddings } from '../../src/chapter/derive.ts';
import { MAX_D_IN, MAX_TOKENS, MIN_D_IN, MIN_TOKENS } from '../../src/chapter/limits.ts';
import { defaultView, type StepId, type ViewState } from '../../src/chapter/view.ts';
import { BOOK_EMBEDDINGS, BOOK_TOKENS } from '../../src/engine/config.ts';

/** A step opens with the book's settings for it, keeping the learner's inputs and backend. */
export function openStep(view: ViewState, step: StepId): ViewState {
  return keepInside({
    ...defaultView(step),
    tokens: view.tokens,
    embeddings: view.embeddings,
    backend: view.backend,
    scatter_dims: view.scatter_dims,
    head_view: view.head_view,
  });
}

export function setCell(view: ViewState, row: number, dim: number, value: number): ViewState {
  const embeddings = view.embeddings.map((r, i) =>
    i === row ? r.map((x, d) => (d === dim ? value : x)) : r,
  );
  return { ...view, embeddings };
}

export function setPoint(view: ViewState, row: number, values: Record<number, number>): ViewState {
  const embeddings = view.embeddings.map((r, i) =>
    i === row ? r.map((x, d) => values[d] ?? x) : r,
  );
  return { ...view, embeddings };
}

export function renameToken(view: ViewState, row: number, name: string): ViewState {
  return { ...view, tokens: view.tokens.map((t, i) => (i === row ? name : t)) };
}

/** A new token at the end, its embedding drawn like torch.rand (seeded by its position). */
export function addToken(view: ViewState): ViewState {
  const t = view.tokens.length;
  if (t >= MAX_TOKENS) return view;
  const dIn = view.embeddings[0].length;
  return {
    ...view,
    tokens: [...view.tokens, `token ${t + 1}`],
    embeddings: [...view.embeddings, randomEmbeddings(t + 1, 1, dIn)[0]],
  };
}

export function removeToken(view: ViewState, row: number): ViewState {
  if (view.tokens.length <= MIN_TOKENS) return view;
  return keepInside({
    ...view,
    tokens: view.tokens.filter((_, i) => i !== row),
    embeddings: view.embeddings.filter((_, i) => i !== row),
  });
}

export function addDimension(view: ViewState): ViewState {
  const dIn = view.embeddings[0].length;
  if (dIn >= MAX_D_IN) return view;
  const column = randomEmbeddings(dIn + 100, view.tokens.length, 1);
  return { ...view, embeddings: view.embeddings.map((r, i) => [...r, column[i][0]]) };
}

export function removeDimension(view: ViewState): ViewState {
  if (view.embeddings[0].length <= MIN_D_IN) return view;
  return keepInside({ ...view, embeddings: view.embeddings.map((r) => r.slice(0, -1)) });
}

export function resetInputs(view: ViewState): ViewState {
  return keepInside({
    ...view,
    tokens: [...BOOK_TOKENS],
    embeddings: BOOK_EMBEDDINGS.map((r) => [...r]),
    scatter_dims: [0, 1],
  });
}

/** `torch.manual_seed(seed); torch.rand(T, d_in)` for the current shape. */
export function randomInputs(view: ViewState, seed: number): ViewState {
  const dIn = view.embeddings[0].length;
  return { ...view, embeddings: randomEmbeddings(seed, view.tokens.length, dIn) };
}

/** Keeps the locked cell and the scatter's dimensions inside the current shapes. */
export function keepInside(view: ViewState): ViewState {
  const t = view.tokens.length;
  const dIn = view.embeddings[0].length;
  const l = view.locked;
  const locked = l && l.row < t && l.col < t && l.head < view.num_heads ? l : null;
  const [x, y] = view.scatter_dims;
  const clampDim = (d: number) => Math.min(d, dIn - 1);
  const scatter: [number, number] = [clampDim(x), clampDim(y)];
  if (scatter[0] === scatter[1] && dIn > 1) scatter[1] = scatter[0] === 0 ? 1 : 0;
  const same = locked === view.locked && scatter[0] === x && scatter[1] === view.scatter_dims[1];
  return same ? view : { ...view, locked, scatter_dims: scatter };
}
