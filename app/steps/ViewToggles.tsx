import { useActions, useLab } from '../store/index.ts';

/**
 * How the step's panels are drawn: with tables of their numbers, with what the last edit
 * changed, and with the head view above them.
 */
export function ViewToggles() {
  const tables = useLab((s) => s.showTables);
  const changes = useLab((s) => s.showChanges);
  const headView = useLab((s) => s.showHeadView);
  const { setShowTables, setShowChanges, setShowHeadView } = useActions();
  return (
    <div className="view-toggles">
      <label className="toggle">
        <input
          type="checkbox"
          checked={tables}
          onChange={(e) => setShowTables(e.currentTarget.checked)}
        />{' '}
        Show the numbers as tables
      </label>
      <label className="toggle">
        <input
          type="checkbox"
          checked={changes}
          onChange={(e) => setShowChanges(e.currentTarget.checked)}
        />{' '}
        Show changes
      </label>
      <label className="toggle">
        <input
          type="checkbox"
          checked={headView}
          onChange={(e) => setShowHeadView(e.currentTarget.checked)}
        />{' '}
        Show the head view
      </label>
    </div>
  );
}
