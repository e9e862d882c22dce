/// <reference lib="webworker" />
/** A helper thread of the kernels (see helper.ts): one message to start, then shared memory. */
import { type HelperInit, helperLoop } from './helper.ts';

declare const self: DedicatedWorkerGlobalScope;

self.addEventListener(
  'message',
  (event: MessageEvent<HelperInit>) => helperLoop(event.data, () => self.postMessage('ready')),
  { once: true },
);
