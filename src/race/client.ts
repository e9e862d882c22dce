import type { RaceRequest, RaceResponse } from './protocol.ts';

/** What the client needs of a Worker (a real one in the page, a fake in tests). */
export interface RaceWorkerLike {
  postMessage(message: RaceRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<RaceResponse>) => void): void;
  terminate(): void;
}

/**
 * The page's handle on the race worker. Cancel terminates the worker — a measurement can be a
 * long synchronous pass, so a message would wait for it — and starts a fresh one for the next
 * race; replies of the old worker can no longer arrive.
 */
export class RaceClient {
  private worker: RaceWorkerLike;

  constructor(
    private readonly spawn: () => RaceWorkerLike,
    private readonly onMessage: (message: RaceResponse) => void,
  ) {
    this.worker = this.start();
  }

  run(request: RaceRequest): void {
    this.worker.postMessage(request);
  }

  cancel(): void {
    this.worker.terminate();
    this.worker = this.start();
  }

  dispose(): void {
    this.worker.terminate();
  }

  private start(): RaceWorkerLike {
    const worker = this.spawn();
    worker.addEventListener('message', (event) => this.onMessage(event.data));
    worker.postMessage({ kind: 'probe' });
    return worker;
  }
}
