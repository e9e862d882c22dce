import type { BackendChoice } from '../backends/choice.ts';
import type { AttentionConfigInput } from '../config.ts';
import type {
  BackendStatus,
  ComputeError,
  ComputeRequest,
  ComputeResult,
  WorkerRequest,
  WorkerResponse,
} from './protocol.ts';

/** What the client needs of a Worker (a real one in the page, a fake in unit tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerResponse>) => void): void;
  terminate(): void;
}

export interface EngineListeners {
  onResult(result: ComputeResult): void;
  onError(error: ComputeError): void;
  onStatus?(status: BackendStatus): void;
}

/**
 * The page's handle on the engine worker. Latest wins: at most one request is in flight; while
 * it runs, newer requests replace each other in a one-slot queue, so a drag that fires sixty
 * edits a second computes only the newest and never piles work up behind the worker. A reply
 * to a superseded request is dropped. Nothing here blocks the caller.
 */
export class EngineClient {
  private nextId = 1;
  private inFlight: number | null = null;
  private pending: ComputeRequest | null = null;
  private latestId = 0;

  constructor(
    private readonly worker: WorkerLike,
    private readonly listeners: EngineListeners,
  ) {
    worker.addEventListener('message', (event) => this.receive(event.data));
  }

  /** Asks for traces; returns the request id. Earlier requests not yet started are dropped. */
  compute(configs: AttentionConfigInput[], backend: BackendChoice): number {
    const request: ComputeRequest = { kind: 'compute', id: this.nextId++, configs, backend };
    this.latestId = request.id;
    if (this.inFlight === null) this.send(request);
    else this.pending = request;
    return request.id;
  }

  /** Holds (or releases) the worker's background work: loading backends, measuring them. */
  hold(on: boolean): void {
    this.worker.postMessage({ kind: 'hold', on });
  }

  /** Test hook: make the worker lose its WebGPU device. */
  loseDevice(): void {
    this.worker.postMessage({ kind: 'lose-device' });
  }

  dispose(): void {
    this.worker.terminate();
  }

  private send(request: ComputeRequest): void {
    this.inFlight = request.id;
    this.worker.postMessage(request);
  }

  private receive(message: WorkerResponse): void {
    if (message.kind === 'status') {
      this.listeners.onStatus?.(message);
      return;
    }
    if (message.id === this.inFlight) this.inFlight = null;
    if (message.id === this.latestId) {
      if (message.kind === 'result') this.listeners.onResult(message);
      else this.listeners.onError(message);
    }
    if (this.inFlight === null && this.pending) {
      const next = this.pending;
      this.pending = null;
      this.send(next);
    }
  }
}
