/**
 * Drives the app's own engine worker from the benchmark page, so tests and benchmarks exercise
 * exactly what the app runs: start it, wait until ONNX Runtime has loaded (its `status`
 * message), then compute configs on a forced backend.
 */
import type { BackendChoice } from '../engine/backends/choice.ts';
import type { AttentionConfigInput } from '../engine/config.ts';
import { type JsonValue, traceToJson } from '../engine/trace-json.ts';
import { EngineClient } from '../engine/worker/client.ts';
import type { BackendStatus, ComputeError, ComputeResult } from '../engine/worker/protocol.ts';

export interface EngineRun {
  backend: string;
  label: string;
  ms: number;
  fallbacks: ComputeResult['fallbacks'];
  available: string[];
  traces: JsonValue[];
}

export class EngineSession {
  private readonly client: EngineClient;
  private status: BackendStatus | null = null;
  private readonly statusWaiters: ((s: BackendStatus) => void)[] = [];
  private pending: { resolve: (r: ComputeResult) => void; reject: (e: Error) => void } | null =
    null;

  constructor() {
    const worker = new Worker(new URL('../engine/worker/worker.ts', import.meta.url), {
      type: 'module',
    });
    this.client = new EngineClient(worker, {
      onResult: (r) => this.pending?.resolve(r),
      onError: (e: ComputeError) => this.pending?.reject(new Error(e.message)),
      onStatus: (s) => {
        this.status = s;
        for (const waiter of this.statusWaiters.splice(0)) waiter(s);
      },
    });
  }

  /** Computes once (which starts ORT loading) and waits for the worker's backend status. */
  async ready(): Promise<BackendStatus> {
    if (this.status) return this.status;
    const status = new Promise<BackendStatus>((resolve) => this.statusWaiters.push(resolve));
    await this.compute([{ variant: 'simple' }], 'reference');
    return status;
  }

  compute(configs: AttentionConfigInput[], backend: BackendChoice): Promise<ComputeResult> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.client.compute(configs, backend);
    });
  }

  async run(configs: AttentionConfigInput[], backend: BackendChoice): Promise<EngineRun> {
    const status = await this.ready();
    const r = await this.compute(configs, backend);
    return {
      backend: r.backend,
      label: r.label,
      ms: r.ms,
      fallbacks: r.fallbacks,
      available: status.available,
      traces: r.traces.map(traceToJson),
    };
  }

  loseDevice(): void {
    this.client.loseDevice();
  }
}
