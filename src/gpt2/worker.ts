/// <reference lib="webworker" />
import { startBrowserTeam } from '../kernels/browser-team.ts';
import { KernelLayer, type LayerRunner, referenceLayer } from './kernel-layer.ts';
import type { Gpt2Request, Gpt2Response } from './protocol.ts';
import { Gpt2Session } from './session.ts';
import { buffersOf } from './transfer.ts';

/**
 * The kernels, started now so they are ready with the tokenizer (the first run waits for both):
 * helper threads when the page is cross-origin isolated, else this thread alone. Where they
 * cannot start (no WebAssembly SIMD) the reference TypeScript computes the layer.
 */
async function startLayer(): Promise<LayerRunner> {
  try {
    const layer = new KernelLayer(await startBrowserTeam());
    layer.warm();
    return layer;
  } catch (err) {
    console.warn('GPT-2 step: the kernels did not start, the reference TS computes', err);
    return referenceLayer;
  }
}

/** The Exercise 3.3 step's worker: the 38.6 M-draw tables and the layer never touch the page. */
const session = new Gpt2Session(startLayer());
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', async (event: MessageEvent<Gpt2Request>) => {
  const req = event.data;
  let reply: Gpt2Response;
  try {
    reply = req.kind === 'run' ? await session.run(req) : session.fetch(req);
  } catch (err) {
    reply = {
      kind: 'error',
      id: req.id,
      message: err instanceof Error ? err.message : String(err),
    };
  }
  scope.postMessage(reply, buffersOf(reply));
});
