import { createLabStore } from '../../app/store/index.ts';
import type { BackendChoice, ViewState } from '../../src/chapter/view.ts';
import { defaultView } from '../../src/chapter/view.ts';
import type { AttentionConfigInput } from '../../src/engine/config.ts';
import { runAttention } from '../../src/engine/run.ts';
import type { EngineListeners } from '../../src/engine/worker/client.ts';
import type { BackendName } from '../../src/engine/worker/protocol.ts';

/** An engine that answers only when the test says so, with the reference engine's traces. */
export function fakeEngine() {
  const calls: { configs: AttentionConfigInput[]; backend: BackendChoice }[] = [];
  const holds: boolean[] = [];
  let listeners: EngineListeners | null = null;
  const factory = (l: EngineListeners) => {
    listeners = l;
    return {
      compute(configs: AttentionConfigInput[], backend: BackendChoice) {
        calls.push({ configs, backend });
        return calls.length;
      },
      hold(on: boolean) {
        holds.push(on);
      },
    };
  };
  const on = () => {
    if (!listeners) throw new Error('no store uses this engine yet');
    return listeners;
  };
  return {
    factory,
    calls,
    /** Every hold the store passed on, in order. */
    holds,
    /** Replies to request `i` (default: the latest) as the reference backend would. */
    answer(i = calls.length - 1, backend: BackendName = 'reference') {
      on().onResult({
        kind: 'result',
        id: i + 1,
        traces: calls[i].configs.map((c) => runAttention(c)),
        backend,
        label: backend === 'reference' ? 'reference TypeScript engine' : `${backend} label`,
        ms: 1.5,
        fallbacks: [],
      });
    },
    fail(field: string | null, message: string, i = calls.length - 1) {
      on().onError({ kind: 'error', id: i + 1, index: 0, field, message });
    },
    status(available: BackendName[]) {
      on().onStatus?.({ kind: 'status', available, labels: {}, fallbacks: [] });
    },
  };
}

/** A store on `view` (default: the step's book view) whose first result has arrived. */
export function readyStore(view: ViewState | ViewState['step'] = '3.3.2') {
  const engine = fakeEngine();
  const initial = typeof view === 'string' ? defaultView(view) : view;
  const store = createLabStore(initial, engine.factory);
  engine.answer();
  return { store, engine };
}
