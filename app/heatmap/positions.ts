/** A labelled row or column. Tokens may repeat, so React keys come from the position. */
export interface Position {
  id: string;
  label: string;
  index: number;
}

export function positions(labels: readonly string[], prefix: string): Position[] {
  return labels.map((label, index) => ({ id: `${prefix}${index}`, label, index }));
}
