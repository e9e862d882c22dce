/// <reference lib="webworker" />
import type { Gpt2Request, Gpt2Response } from './protocol.ts';
import { Gpt2Session } from './session.ts';
import { buffersOf } from './transfer.ts';

/** The Exercise 3.3 step's worker: the 38.6 M-draw tables and the layer never touch the page. */
const session = new Gpt2Session();
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
