import './race.css';
import { readLocal } from '../../src/chapter/steps/local.ts';
import { type RaceLocal, raceFields } from '../../src/chapter/steps/race.ts';
import { worstRelativeDiff } from '../../src/race/accuracy.ts';
import { IMPL_SHORT } from '../../src/race/implementations.ts';
import { isMeasured } from '../../src/race/protocol.ts';
import { markdownTable } from '../../src/race/table.ts';
import { useActions, useLab } from '../store/index.ts';
import { CopyTableButton } from './CopyTableButton.tsx';
import { RaceChart } from './RaceChart.tsx';
import { RaceSettings } from './RaceSettings.tsx';
import { RaceTable } from './RaceTable.tsx';
import { useRace } from './useRace.ts';

/**
 * The race step's body: settings (in the permalink), Start and Cancel, the progress, the chart
 * and the results table. The race's worker measures; this only draws.
 */
export function RaceBody() {
  const view = useLab((s) => s.view);
  const { edit } = useActions();
  const local = readLocal(raceFields, view);
  const setLocal = (change: Partial<RaceLocal>) =>
    edit((v) => ({ ...v, local: { ...v.local, ...change } }));
  const { state, start, cancel } = useRace();
  const running = state.status === 'running';
  const last = state.rows.at(-1);
  const peak = state.peak?.gflops ?? null;
  const measured = state.rows.filter(isMeasured);
  const worst = worstRelativeDiff(measured);
  const said = {
    idle: 'Choose sizes and implementations, then start the race.',
    running: last
      ? `Measured ${state.done} of ${state.total}: ${IMPL_SHORT[last.impl]} at T=${last.T}…`
      : 'Measuring the peak…',
    done: `Done: ${state.done} measurements.`,
    cancelled: `Cancelled after ${state.done} of ${state.total} measurements.`,
    failed: `The race stopped: ${state.error}`,
  }[state.status];
  return (
    <div className="race">
      <RaceSettings
        local={local}
        reasons={state.reasons}
        threads={state.threads}
        disabled={running}
        onChange={setLocal}
      />
      <div className="race-buttons">
        <button
          type="button"
          disabled={running}
          onClick={() => start(local.sizes, local.d, local.impls)}
        >
          Start the race
        </button>
        <button type="button" disabled={!running} onClick={cancel}>
          Cancel
        </button>
        <progress aria-label="race progress" max={Math.max(1, state.total)} value={state.done} />
      </div>
      <p className="race-status" role="status">
        {said}
      </p>
      {state.peak && (
        <p className="race-peak">
          Peak here: {state.peak.gflops.toFixed(1)} GFLOP/s — {state.peak.how}.
        </p>
      )}
      {measured.length > 0 && (
        <>
          <RaceChart rows={state.rows} />
          <p className="race-lesson">
            Every implementation’s output is within {worst.toExponential(1)} of the output’s scale
            from the reference engine’s: float32 rounding. Same numbers, different speeds.
          </p>
        </>
      )}
      {state.rows.length > 0 && (
        <>
          <RaceTable rows={state.rows} peak={peak} />
          <CopyTableButton markdown={markdownTable(state.rows, peak)} />
        </>
      )}
    </div>
  );
}
