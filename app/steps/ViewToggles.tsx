import { useActions, useLab } from '../store/index.ts';

function Toggle({ on, set, label }: { on: boolean; set: (on: boolean) => void; label: string }) {
  return (
    <label className="toggle">
      <input type="checkbox" checked={on} onChange={(e) => set(e.currentTarget.checked)} /> {label}
    </label>
  );
}

/**
 * How the step's panels are drawn: with tables of their numbers, with what the last edit
 * changed, and with the head view above them.
 */
export function ViewToggles() {
  const tables = useLab((s) => s.showTables);
  const changes = useLab((s) => s.showChanges);
  const headView = useLab((s) => s.view.head_view);
  const { setShowTables, setShowChanges, setShowHeadView } = useActions();
  return (
    <div className="view-toggles">
      <Toggle on={tables} set={setShowTables} label="Show the numbers as tables" />
      <Toggle on={changes} set={setShowChanges} label="Show changes" />
      <Toggle on={headView} set={setShowHeadView} label="Show the head view" />
    </div>
  );
}
