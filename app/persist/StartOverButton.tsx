import { useActions } from '../store/index.ts';

/**
 * Always in the header: the way out of a restored session (or any edits) back to the book's
 * example for this step. It is an edit like any other, so Undo brings the learner's work back.
 */
export function StartOverButton() {
  const { startOver } = useActions();
  return (
    <button type="button" onClick={startOver}>
      Start over from the book
    </button>
  );
}
