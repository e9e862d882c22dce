import './beyond.css';
import { kvGroups, kvProgress, kvWork } from '../../src/chapter/steps/4.2-kv-cache.ts';
import { PanelGroups } from '../steps/PanelGroups.tsx';
import { useLab } from '../store/index.ts';
import { GenerateControls } from './GenerateControls.tsx';
import { KvHeadsControl } from './KvHeadsControl.tsx';
import { useStepGroups } from './useStepGroups.ts';
import { WorkChart } from './WorkChart.tsx';

const n = (x: number) => x.toLocaleString('en');

/** §4.2: generate token by token, watch the cache grow, and count what it saves. */
export function KvCacheBody() {
  const view = useLab((s) => s.view);
  const shown = useStepGroups();
  const kv = kvGroups(view);
  const { t } = kvProgress(view);
  const work = kvWork(view);
  const saved = work.without > 0 ? 1 - work.with / work.without : 0;
  return (
    <div className="beyond">
      {/* One compact box for both, so the cache's heatmaps start on the first screen (1280×720). */}
      <div className="kv-cache-controls">
        <KvHeadsControl
          field="kv_groups"
          label="KV groups"
          hint={`key/value heads the cache keeps; divides num_heads = ${view.num_heads} (MHA = ${view.num_heads}, MQA = 1)`}
          name="Key/value sharing"
          wanted={kv.wanted}
          groups={kv.groups}
          problem={kv.problem}
        />
        <GenerateControls />
      </div>
      {shown ? <PanelGroups groups={shown.groups} /> : <p className="computing">Computing…</p>}
      <section className="group" aria-label="What the cache saves">
        <h3>What the cache saves</h3>
        <p className="stat">
          Generating up to T = {t}: {n(work.without)} multiply-adds without a cache, {n(work.with)}{' '}
          with it ({Math.round(saved * 100)}% saved).
        </p>
        <p className="stat">
          The cache holds {n(work.cached)} numbers ({n(work.cached * 4)} bytes in float32): keys and
          values of {t} tokens for {kv.groups} K/V head{kv.groups > 1 ? 's' : ''}
          {kv.groups < view.num_heads
            ? `, ${view.num_heads / kv.groups}× less than MHA’s ${n(work.cachedMha)} with one per head`
            : ', one per head (MHA)'}
          .
        </p>
        <WorkChart curve={work.curve} at={t} />
      </section>
    </div>
  );
}
