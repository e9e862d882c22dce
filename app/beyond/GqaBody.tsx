import './beyond.css';
import { compareRows, learnerShape } from '../../src/chapter/beyond/compare.ts';
import { fitGqa } from '../../src/chapter/beyond/state.ts';
import type { StepDef } from '../../src/chapter/steps/index.ts';
import { readLocal } from '../../src/chapter/steps/local.ts';
import { PanelGroups } from '../steps/PanelGroups.tsx';
import { useLab } from '../store/index.ts';
import { CacheChart } from './CacheChart.tsx';
import { CompareTable } from './CompareTable.tsx';
import { KvHeadsControl } from './KvHeadsControl.tsx';
import { useStepGroups } from './useStepGroups.ts';

/** §4.1: the K/V head count, who shares what, the per-head weights, and what it saves. */
export function GqaBody({ def }: { def: StepDef }) {
  const view = useLab((s) => s.view);
  const shown = useStepGroups();
  const wanted = readLocal(def.local ?? {}, view).num_kv_groups as number;
  const fit = fitGqa(wanted, view.num_heads);
  const dIn = view.embeddings[0]?.length ?? 3;
  const rows = compareRows(learnerShape(dIn, view.d_out, view.num_heads, fit.num_kv_groups, false));
  return (
    <div className="beyond">
      <KvHeadsControl
        field="num_kv_groups"
        label="num_kv_groups"
        hint={`key/value heads; divides num_heads = ${view.num_heads}`}
        name="Key/value heads"
        wanted={wanted}
        groups={fit.num_kv_groups}
        problem={fit.problem}
      />
      {shown ? <PanelGroups groups={shown.groups} /> : <p className="computing">Computing…</p>}
      <section className="group" aria-label="What sharing saves">
        <h3>What sharing saves: MHA, GQA and MQA side by side</h3>
        <p className="note">
          Your module caches float32 (4 bytes) for one layer; GPT-2 small and Llama-3-8B cache
          16-bit numbers (2 bytes) in every layer. GPT-2 is MHA; its GQA row groups its 12 heads in
          4 (a what-if). Llama-3-8B’s GQA row is the real model.
        </p>
        <CompareTable rows={rows} />
        <CacheChart rows={rows} />
      </section>
    </div>
  );
}
