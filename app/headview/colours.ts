import { schemeTableau10 } from 'd3';

/** One colour per head (up to GPT-2's 12): Tableau's ten, then two more of distinct hue. */
const HEAD_COLOURS = [...schemeTableau10, '#17becf', '#7b4173'];

export const headColour = (head: number) => HEAD_COLOURS[head % HEAD_COLOURS.length];
