import { EngineClient, type EngineListeners } from '../../src/engine/worker/client.ts';
import { engineStartedEarly, takeEngineWorker } from './early-engine.ts';
import type { Engine } from './types.ts';

/**
 * The real engine: the worker of src/engine/worker, behind the latest-wins client. If the
 * worker itself fails (a script error, not a refused config), the latest request is answered
 * with an error so the page says so instead of computing forever. A page that opened on the
 * Exercise 3.3 step (whose own worker computes) starts it at its first request, not before: its
 * start cost that step's cold load ~0.1 s of the machine's cores.
 */
export function workerEngine(listeners: EngineListeners): Engine {
  let latest = 0;
  const fail = (message: string) =>
    listeners.onError({
      kind: 'error',
      id: latest,
      index: 0,
      field: null,
      message: `the engine’s worker failed (${message})`,
    });
  let started: { client: EngineClient; unsaid: string | null } | null = null;
  /** The last hold asked for: a worker started later starts held. */
  let held = false;
  const start = () => {
    if (started) return started;
    // Started by app/boot.ts, usually: its failures until now are said with the first request.
    const { worker, failure } = takeEngineWorker();
    worker.addEventListener('error', (e) => fail(e.message || 'no message'));
    started = { client: new EngineClient(worker, listeners), unsaid: failure };
    if (held) started.client.hold(true);
    return started;
  };
  if (engineStartedEarly()) start();
  // For browser tests of the WebGPU fallback: there is no other way to lose a GPU on demand.
  window.attentionLab = { loseDevice: () => started?.client.loseDevice() };
  return {
    compute(configs, backend) {
      const s = start();
      latest = s.client.compute(configs, backend);
      if (s.unsaid !== null) fail(s.unsaid);
      s.unsaid = null;
      return latest;
    },
    hold(on) {
      held = on;
      started?.client.hold(on);
    },
  };
}

declare global {
  interface Window {
    /** Test hooks (see e2e/backend-badge.spec.ts). */
    attentionLab?: { loseDevice(): void };
  }
}
