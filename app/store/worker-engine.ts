import { EngineClient, type EngineListeners } from '../../src/engine/worker/client.ts';
import { takeEngineWorker } from './early-engine.ts';
import type { Engine } from './types.ts';

/**
 * The real engine: the worker of src/engine/worker, behind the latest-wins client. If the
 * worker itself fails (a script error, not a refused config), the latest request is answered
 * with an error so the page says so instead of computing forever.
 */
export function workerEngine(listeners: EngineListeners): Engine {
  // Started by app/boot.ts, usually: its failures until now are said with the first request.
  const taken = takeEngineWorker();
  const { worker } = taken;
  let unsaid = taken.failure;
  const client = new EngineClient(worker, listeners);
  // For browser tests of the WebGPU fallback: there is no other way to lose a GPU on demand.
  window.attentionLab = { loseDevice: () => client.loseDevice() };
  let latest = 0;
  const fail = (message: string) =>
    listeners.onError({
      kind: 'error',
      id: latest,
      index: 0,
      field: null,
      message: `the engine’s worker failed (${message})`,
    });
  worker.addEventListener('error', (e) => fail(e.message || 'no message'));
  return {
    compute(configs, backend) {
      latest = client.compute(configs, backend);
      if (unsaid !== null) fail(unsaid);
      unsaid = null;
      return latest;
    },
    hold: (on) => client.hold(on),
  };
}

declare global {
  interface Window {
    /** Test hooks (see e2e/backend-badge.spec.ts). */
    attentionLab?: { loseDevice(): void };
  }
}
