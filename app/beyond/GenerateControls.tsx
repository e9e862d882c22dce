import { useEffect, useId, useRef, useState } from 'react';
import { kvProgress, withKv } from '../../src/chapter/steps/4.2-kv-cache.ts';
import { NumberField } from '../controls/NumberField.tsx';
import { useActions, useLab } from '../store/index.ts';

/** A generated token per tick while playing: slow enough to watch the new row appear. */
const TICK_MS = 1200;

/** §4.2's generation controls: the prompt length, then Step / Play / Reset and the slider. */
export function GenerateControls() {
  const view = useLab((s) => s.view);
  const { edit } = useActions();
  // While playing, the run's name: its generated tokens are one undo step (null: paused).
  const [playing, setPlaying] = useState<string | null>(null);
  const runs = useRef(0);
  const sliderId = useId();
  const T = view.tokens.length;
  const kv = kvProgress(view);
  const room = T - kv.prefill;
  const done = kv.generated >= room;

  // One timer per token: the effect re-arms when `generated` changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: generated is the re-arming trigger
  useEffect(() => {
    if (!playing) return;
    if (done) {
      setPlaying(null);
      return;
    }
    const run = playing;
    const timer = setTimeout(
      () => edit((v) => withKv(v, { generated: kvProgress(v).generated + 1 }), { run }),
      TICK_MS,
    );
    return () => clearTimeout(timer);
  }, [playing, done, edit, kv.generated]);

  const play = () => {
    runs.current += 1;
    const run = `play ${runs.current}`;
    if (done) edit((v) => withKv(v, { generated: 0 }), { run });
    setPlaying(run);
  };
  return (
    <section className="controls generate" aria-label="Generation">
      <div className="control prefill">
        <NumberField
          label="prefill"
          hint={`prompt tokens computed in the first call, 1 to ${T}`}
          value={kv.prefill}
          min={1}
          max={T}
          integer
          step={1}
          onCommit={(prefill) => edit((v) => withKv(v, { prefill }))}
        />
      </div>
      <div className="control field">
        <label htmlFor={sliderId}>tokens generated</label>
        <span className="range">
          <input
            id={sliderId}
            type="range"
            min={0}
            max={room}
            value={kv.generated}
            onChange={(e) => edit((v) => withKv(v, { generated: Number(e.currentTarget.value) }))}
          />
          <output htmlFor={sliderId}>
            {kv.generated} of {room}
          </output>
        </span>
      </div>
      <div className="control buttons">
        <button
          type="button"
          disabled={done}
          onClick={() => {
            setPlaying(null);
            edit((v) => withKv(v, { generated: kvProgress(v).generated + 1 }));
          }}
        >
          Step
        </button>
        {playing ? (
          <button type="button" onClick={() => setPlaying(null)}>
            Pause
          </button>
        ) : (
          <button type="button" onClick={play}>
            Play
          </button>
        )}
        <button
          type="button"
          disabled={kv.generated === 0}
          onClick={() => {
            setPlaying(null);
            edit((v) => withKv(v, { generated: 0 }));
          }}
        >
          Reset
        </button>
      </div>
      <p className="stat" role="status" aria-label="generation status">
        {kv.t} of {T} tokens in the cache: the prompt’s {kv.prefill} in one call
        {kv.generated > 0
          ? `, then ${kv.generated} call${kv.generated > 1 ? 's' : ''} of one token`
          : ''}
        .
      </p>
      {kv.problems.map((p) => (
        <p key={p} className="field-error" role="alert">
          {p}
        </p>
      ))}
    </section>
  );
}
