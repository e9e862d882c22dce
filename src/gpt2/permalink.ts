import { MAX_TEXT_CHARS } from '../tokenizer/index.ts';
import { NUM_HEADS } from './sizes.ts';

/** What the Exercise 3.3 step's link holds. */
export interface Gpt2View {
  text: string;
  seed: number;
  /** The head opened large (0-based), or null. */
  head: number | null;
  /** Magnification of the opened head: 1 shows the whole map. */
  zoom: number;
}

export const GPT2_ROUTE = '#/ex3.3';
export const ZOOM_LEVELS = [1, 2, 4, 8, 16, 32, 64] as const;
export const DEFAULT_GPT2_VIEW: Gpt2View = {
  text: 'Your journey starts with one step',
  seed: 123,
  head: null,
  zoom: 1,
};

/** Longest hash we read at all: percent-encoding can triple the text, plus the other fields. */
const MAX_HASH = MAX_TEXT_CHARS * 3 + 200;

export function encodeGpt2View(view: Gpt2View): string {
  const q = new URLSearchParams({ text: view.text, seed: String(view.seed) });
  if (view.head !== null) q.set('head', String(view.head + 1));
  if (view.zoom !== 1) q.set('zoom', String(view.zoom));
  return `${GPT2_ROUTE}?${q.toString()}`;
}

export function isGpt2Link(hash: string): boolean {
  return hash === GPT2_ROUTE || hash.startsWith(`${GPT2_ROUTE}?`);
}

/**
 * Reads a link back; anything out of range is replaced by the default and named in `problems`
 * (a huge text is refused as a whole, before it is decoded, so it cannot stall the page).
 */
export function decodeGpt2View(hash: string): { view: Gpt2View; problems: string[] } {
  const problems: string[] = [];
  if (hash.length > MAX_HASH) {
    const mb = (hash.length / 1e6).toFixed(1);
    problems.push(
      `This link is ${mb} million characters long; the step takes at most ${MAX_TEXT_CHARS.toLocaleString('en')} characters of text, so the link was not opened. The example sentence is shown instead.`,
    );
    return { view: DEFAULT_GPT2_VIEW, problems };
  }
  const at = hash.indexOf('?');
  const q = new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
  const view = { ...DEFAULT_GPT2_VIEW };
  const text = q.get('text');
  if (text !== null) {
    if (text.length > MAX_TEXT_CHARS)
      problems.push(
        `The link's text is longer than ${MAX_TEXT_CHARS.toLocaleString('en')} characters; the example sentence is shown instead.`,
      );
    else view.text = text;
  }
  const seed = q.get('seed');
  if (seed !== null) {
    const n = Number(seed);
    if (/^\d+$/.test(seed) && Number.isSafeInteger(n)) view.seed = n;
    else
      problems.push(
        `The seed "${seed.slice(0, 20)}" is not a whole number ≥ 0; seed ${view.seed} is used.`,
      );
  }
  const head = q.get('head');
  if (head !== null) {
    const n = Number(head);
    if (Number.isInteger(n) && n >= 1 && n <= NUM_HEADS) view.head = n - 1;
    else
      problems.push(
        `Head "${head.slice(0, 20)}" does not exist (heads are 1–${NUM_HEADS}); none is opened.`,
      );
  }
  const zoom = q.get('zoom');
  if (zoom !== null) {
    const n = Number(zoom);
    if ((ZOOM_LEVELS as readonly number[]).includes(n)) view.zoom = n;
    else
      problems.push(
        `Zoom "${zoom.slice(0, 20)}" is not one of ${ZOOM_LEVELS.join(', ')}; 1 is used.`,
      );
  }
  return { view, problems };
}
