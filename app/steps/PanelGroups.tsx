import type { PanelGroup } from '../../src/chapter/panels/index.ts';
import { LocalTensorEditor } from '../controls/LocalTensorEditor.tsx';
import { PanelFigure } from '../heatmap/PanelFigure.tsx';

function Group({ group }: { group: PanelGroup }) {
  const body = (
    <>
      {group.note && <p className="note">{group.note}</p>}
      {group.edits && <LocalTensorEditor field={group.edits} />}
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

/** The step's tensors, group by group, in the order the chapter computes them. */
export function PanelGroups({ groups }: { groups: PanelGroup[] }) {
  return (
    <div className="groups">
      {groups.map((g) => (
        <Group key={g.title} group={g} />
      ))}
    </div>
  );
}
