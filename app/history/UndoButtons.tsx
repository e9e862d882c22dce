import { useActions, useLab } from '../store/index.ts';

/**
 * Undo and Redo for every edit of the view; disabled when there is nothing to undo or redo.
 * When the focused one disables, focus moves to the other (useFocusRescue).
 */
export function UndoButtons() {
  const { canUndo, canRedo } = useLab((s) => s.undo);
  const { undo, redo } = useActions();
  return (
    <div className="undo-buttons">
      <button
        type="button"
        onClick={undo}
        disabled={!canUndo}
        data-undo="undo"
        data-focus-next='[data-undo="redo"]'
        title="Undo (Ctrl+Z)"
        aria-keyshortcuts="Control+Z Meta+Z"
      >
        <span aria-hidden="true">↶ </span>Undo
      </button>
      <button
        type="button"
        onClick={redo}
        disabled={!canRedo}
        data-undo="redo"
        data-focus-next='[data-undo="undo"]'
        title="Redo (Shift+Ctrl+Z)"
        aria-keyshortcuts="Shift+Control+Z Shift+Meta+Z Control+Y"
      >
        <span aria-hidden="true">↷ </span>Redo
      </button>
    </div>
  );
}
