import type { PanelGroup } from '../../src/chapter/panels/index.ts';
import { PanelFigure } from '../heatmap/PanelFigure.tsx';
import { useActions, useLab } from '../store/index.ts';

function Group({ group }: { group: PanelGroup }) {
  const body = (
    <>
      {group.note && <p className="note">{group.note}</p>}
      <div className="panel-row">
        {group.panels.map((p) => (
          <PanelFigure key={p.id} panel={p} />
        ))}
      </div>
      {group.checks?.map((c) => (
        <p key={c.text} className={c.ok ? 'check ok' : 'check bad'}>
          <span aria-hidden="true">{c.ok ? '✓' : '✗'}</span> {c.text}
        </p>
      ))}
    </>
  );
  if (group.folded) {
    return (
      <details className="group">
        <summary>
          <h3>{group.title}</h3>
        </summary>
        {body}
      </details>
    );
  }
  return (
    <section className="group" aria-label={group.title}>
      <h3>{group.title}</h3>
      {body}
    </section>
  );
}

function TablesToggle() {
  const show = useLab((s) => s.showTables);
  const { setShowTables } = useActions();
  return (
    <label className="toggle tables-toggle">
      <input
        type="checkbox"
        checked={show}
        onChange={(e) => setShowTables(e.currentTarget.checked)}
      />{' '}
      Show the numbers as tables
    </label>
  );
}

/** The step's tensors, group by group, in the order the chapter computes them. */
export function PanelGroups({ groups }: { groups: PanelGroup[] }) {
  return (
    <div className="groups">
      <TablesToggle />
      {groups.map((g) => (
        <Group key={g.title} group={g} />
      ))}
    </div>
  );
}
