/// <reference lib="webworker" />
/**
 * The training worker: a loop of forward, backward and update off the main thread, so the page
 * only draws. Separate from the engine worker so training never delays the chapter's traces.
 */
import { packFrames, TrainingHost, type TrainingRequest } from './training.ts';

declare const self: DedicatedWorkerGlobalScope;

const host = new TrainingHost();
self.addEventListener('message', (event: MessageEvent<TrainingRequest>) => {
  const reply = host.handle(event.data);
  self.postMessage(reply, packFrames(reply));
});
