/// <reference lib="webworker" />
import type { Gpt2Request, Gpt2Response, RunResult } from './protocol.ts';
import { Gpt2Session } from './session.ts';

/** The Exercise 3.3 step's worker: the 38.6 M-draw tables and the layer never touch the page. */
const session = new Gpt2Session();
const scope = self as unknown as DedicatedWorkerGlobalScope;

function transfers(r: Gpt2Response): Transferable[] {
  if (r.kind === 'error') return [];
  const head = r.head ? [r.head.weights.buffer] : [];
  if (r.kind === 'head') return head;
  const run = r as RunResult;
  return [
    run.thumbs.buffer,
    run.context_vecs.buffer,
    run.tok_emb.buffer,
    run.pos_emb.buffer,
    ...head,
  ];
}

scope.addEventListener('message', async (event: MessageEvent<Gpt2Request>) => {
  const req = event.data;
  let reply: Gpt2Response;
  try {
    reply = req.kind === 'run' ? await session.run(req) : session.head(req);
  } catch (err) {
    reply = {
      kind: 'error',
      id: req.id,
      message: err instanceof Error ? err.message : String(err),
    };
  }
  scope.postMessage(reply, transfers(reply));
});
