import type { ClientRequest, FetchResult, Gpt2Response, Gpt2Want, RunResult } from './protocol.ts';
import { union } from './want.ts';

/** What the client needs of a Worker (a real one in the page, a fake in tests). */
export interface Gpt2WorkerLike {
  postMessage(message: ClientRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<Gpt2Response>) => void): void;
  terminate(): void;
}

export interface Gpt2Listeners {
  onResult(result: RunResult): void;
  onFetch(result: FetchResult): void;
  onError(message: string): void;
}

/**
 * Latest wins, as the engine's client: one request in flight, the newest waiting in a one-slot
 * queue (typing fast computes only the last text); replies to superseded requests are dropped.
 */
export class Gpt2Client {
  private nextId = 1;
  private inFlight: number | null = null;
  private pending: ClientRequest | null = null;
  private latestId = 0;

  constructor(
    private readonly worker: Gpt2WorkerLike,
    private readonly listeners: Gpt2Listeners,
  ) {
    worker.addEventListener('message', (event) => this.receive(event.data));
  }

  run(text: string, seed: number, want: Gpt2Want): void {
    this.submit({ kind: 'run', id: this.nextId++, text, seed, want });
  }

  /** More of the current result: what the view now draws. */
  fetch(want: Gpt2Want): void {
    this.submit({ kind: 'fetch', id: this.nextId++, want });
  }

  dispose(): void {
    this.worker.terminate();
  }

  private submit(request: ClientRequest): void {
    // A fetch after a waiting run would answer from the old text: fold it into the run.
    if (request.kind === 'fetch' && this.pending?.kind === 'run') {
      this.pending = { ...this.pending, want: union(this.pending.want, request.want) };
      return;
    }
    this.latestId = request.id;
    if (this.inFlight === null) this.send(request);
    else this.pending = request;
  }

  private send(request: ClientRequest): void {
    this.inFlight = request.id;
    this.latestId = Math.max(this.latestId, request.id);
    this.worker.postMessage(request);
  }

  private receive(message: Gpt2Response): void {
    if (message.id === this.inFlight) this.inFlight = null;
    if (message.id === this.latestId) {
      if (message.kind === 'result') this.listeners.onResult(message);
      else if (message.kind === 'fetch') this.listeners.onFetch(message);
      else this.listeners.onError(message.message);
    } else if (message.kind === 'result' && this.pending?.kind === 'fetch') {
      // The fetch waiting behind this run needs this run's result as its base.
      this.listeners.onResult(message);
    }
    if (this.inFlight === null && this.pending) {
      const next = this.pending;
      this.pending = null;
      this.send(next);
    }
  }
}
