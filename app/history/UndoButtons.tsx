import { useActions, useLab } from '../store/index.ts';

/** Each button's words and keys; `other` is where focus goes when this one disables. */
const BUTTONS = [
  {
    id: 'undo',
    label: 'Undo',
    other: 'redo',
    icon: '↶',
    title: 'Undo (Ctrl+Z)',
    keys: 'Control+Z Meta+Z',
  },
  {
    id: 'redo',
    label: 'Redo',
    other: 'undo',
    icon: '↷',
    title: 'Redo (Shift+Ctrl+Z)',
    keys: 'Shift+Control+Z Shift+Meta+Z Control+Y',
  },
] as const;

/**
 * Undo and Redo for every edit of the view; disabled when there is nothing to undo or redo.
 * When the focused one disables, focus moves to the other (useFocusRescue).
 */
export function UndoButtons() {
  const { canUndo, canRedo } = useLab((s) => s.undo);
  const actions = useActions();
  const enabled = { undo: canUndo, redo: canRedo };
  return (
    <div className="undo-buttons">
      {BUTTONS.map((b) => (
        <button
          key={b.id}
          type="button"
          onClick={actions[b.id]}
          disabled={!enabled[b.id]}
          data-undo={b.id}
          data-focus-next={`[data-undo="${b.other}"]`}
          title={b.title}
          aria-keyshortcuts={b.keys}
        >
          <span aria-hidden="true">{b.icon} </span>
          {b.label}
        </button>
      ))}
    </div>
  );
}
