/// <reference lib="webworker" />
/** A thread that touches the kernels' memory ahead of a pass (see prefault.ts); says when done. */
import { type PrefaultRequest, prefault } from './prefault.ts';

declare const self: DedicatedWorkerGlobalScope;

self.addEventListener('message', (event: MessageEvent<PrefaultRequest>) => {
  const { memory, from, to } = event.data;
  prefault(memory, from, to);
  self.postMessage(to);
});
