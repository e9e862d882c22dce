/**
 * Edit-to-paint timing for the benchmark: `edit` is marked when the learner changes something,
 * `painted` once the heatmaps for that edit's result are in the DOM, then the two are measured.
 */
let awaiting = false;

export function markEdit(): void {
  performance.mark('edit');
  awaiting = true;
}

/** Called after a commit that drew a new result; measures only if an edit is waiting. */
export function markPainted(): void {
  if (!awaiting) return;
  awaiting = false;
  performance.mark('painted');
  performance.measure('edit-to-paint', 'edit', 'painted');
}

/** The edit was refused by the engine: nothing will be painted for it. */
export function cancelPaint(): void {
  awaiting = false;
}

let firstPainted = false;

/**
 * Marks `step-first-paint` once per page, when a step's first results are in the page (the cold
 * load's second figure in `npm run bench -- --only first-paint`: a blank shell does not count).
 */
export function markFirstPaint(): void {
  if (firstPainted) return;
  firstPainted = true;
  performance.mark('step-first-paint');
}
