/** The Exercise 3.3 step's own state (its `view.local`), carried by the permalink. */
export interface Gpt2Local {
  text: string;
  /** The head opened large (0-based), or null. */
  head: number | null;
  /** Magnification of the opened head: 1 shows the whole map. */
  zoom: number;
}

export const ZOOM_LEVELS = [1, 2, 4, 8, 16, 32, 64] as const;

export const GPT2_INITIAL: Gpt2Local = {
  text: 'Your journey starts with one step',
  head: null,
  zoom: 1,
};
