import type { PanelGroup } from '../../src/chapter/panels/index.ts';
import { ChangeFigure } from '../changes/ChangeFigure.tsx';
import type { Changes } from '../changes/useChanges.ts';
import { LocalTensorEditor } from '../controls/LocalTensorEditor.tsx';
import { PanelFigure } from '../heatmap/PanelFigure.tsx';

function Group({ group, changes }: { group: PanelGroup; changes: Changes | null }) {
  const body = (
    <>
      {group.note && <p className="note">{group.note}</p>}
      {group.edits && <LocalTensorEditor field={group.edits} />}
      <div className="panel-row">
        {group.panels.map((p) => {
          const change = changes?.byPanel.get(p.id);
          return change ? (
            <ChangeFigure key={p.id} panel={p} change={change} />
          ) : (
            <PanelFigure key={p.id} panel={p} />
          );
        })}
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

/** What the changes view says first: the largest change, in words. */
function Headline({ changes }: { changes: Changes }) {
  const top = changes.headline;
  return (
    <p className="changes-headline" role="status">
      {top
        ? `Largest change in ${top.panel.label} since your edit: ${top.change.words}`
        : changes.byPanel.size > 0
          ? 'Your last edit changed nothing on this step.'
          : 'Edit an embedding or drag a point: each panel then shows what your edit changed.'}
    </p>
  );
}

/**
 * The step's tensors, group by group, in the order the chapter computes them; with the changes
 * view on, each panel an edit changed is drawn as its difference from before the edit.
 */
export function PanelGroups({
  groups,
  changes = null,
}: {
  groups: PanelGroup[];
  changes?: Changes | null;
}) {
  return (
    <div className="groups">
      {changes && <Headline changes={changes} />}
      {groups.map((g) => (
        <Group key={g.title} group={g} changes={changes} />
      ))}
    </div>
  );
}
