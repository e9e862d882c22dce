import { EngineClient, type EngineListeners } from '../../src/engine/worker/client.ts';
import type { Engine } from './types.ts';

/**
 * The real engine: the worker of src/engine/worker, behind the latest-wins client. If the
 * worker itself fails (a script error, not a refused config), the latest request is answered
 * with an error so the page says so instead of computing forever.
 */
export function workerEngine(listeners: EngineListeners): Engine {
  const worker = new Worker(new URL('../../src/engine/worker/worker.ts', import.meta.url), {
    type: 'module',
  });
  const client = new EngineClient(worker, listeners);
  // For browser tests of the WebGPU fallback: there is no other way to lose a GPU on demand.
  window.attentionLab = { loseDevice: () => client.loseDevice() };
  let latest = 0;
  worker.addEventListener('error', (e) => {
    listeners.onError({
      kind: 'error',
      id: latest,
      index: 0,
      field: null,
      message: `the engine’s worker failed (${e.message || 'no message'})`,
    });
  });
  return {
    compute(configs, backend) {
      latest = client.compute(configs, backend);
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
