import './beyond.css';
import { kvProgress, kvWork } from '../../src/chapter/steps/4.2-kv-cache.ts';
import { PanelGroups } from '../steps/PanelGroups.tsx';
import { useLab } from '../store/index.ts';
import { GenerateControls } from './GenerateControls.tsx';
import { useStepGroups } from './useStepGroups.ts';
import { WorkChart } from './WorkChart.tsx';

const n = (x: number) => x.toLocaleString('en');

/** §4.2: generate token by token, watch the cache grow, and count what it saves. */
export function KvCacheBody() {
  const view = useLab((s) => s.view);
  const shown = useStepGroups();
  const { t } = kvProgress(view);
  const work = kvWork(view);
  const saved = work.without > 0 ? 1 - work.with / work.without : 0;
  return (
    <div className="beyond">
      <GenerateControls />
      {shown ? <PanelGroups groups={shown.groups} /> : <p className="computing">Computing…</p>}
      <section className="group" aria-label="What the cache saves">
        <h3>What the cache saves</h3>
        <p className="stat">
          Generating up to T = {t}: {n(work.without)} multiply-adds without a cache, {n(work.with)}{' '}
          with it ({Math.round(saved * 100)}% saved).
        </p>
        <WorkChart curve={work.curve} at={t} />
      </section>
    </div>
  );
}
