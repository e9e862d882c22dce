/// <reference lib="webworker" />
/**
 * The engine's Web Worker: computes traces off the main thread. The reference engine answers the
 * first request at once; ONNX Runtime (WebGPU, then WASM) loads after that, and the page is told
 * which backends became available so it can recompute on the better one.
 */
import { BackendManager } from '../backends/manager.ts';
import { ConfigError } from '../config-error.ts';
import { resolveConfig } from '../resolve-config.ts';
import type { Trace } from '../trace.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

const manager = new BackendManager();
let ortStarted = false;

function post(message: WorkerResponse, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

function postStatus(): void {
  post({
    kind: 'status',
    available: manager.available(),
    labels: manager.labels(),
    fallbacks: [...manager.fallbacks],
  });
}

/** Loads ORT after the first frame is painted (the reference engine painted it). */
async function startOrt(): Promise<void> {
  const { addOrtBackends } = await import('../backends/ort-backends.ts');
  await addOrtBackends(manager);
  postStatus();
}

/** The traces' tensor buffers, moved rather than copied to the page (each listed once). */
function buffersOf(traces: Trace[]): Transferable[] {
  const out = new Set<ArrayBufferLike>();
  for (const trace of traces) {
    for (const value of Object.values(trace)) {
      if (value && typeof value === 'object' && 'data' in value) out.add(value.data.buffer);
    }
  }
  return [...out] as Transferable[];
}

self.addEventListener('message', async (event: MessageEvent<WorkerRequest>) => {
  const message = event.data;
  if (message.kind === 'lose-device') {
    await manager.get('webgpu')?.loseDevice?.();
    return;
  }
  let index = 0;
  try {
    const configs = message.configs.map((c, i) => {
      index = i;
      return resolveConfig(c);
    });
    const start = performance.now();
    const computed = [];
    for (const config of configs) computed.push(await manager.compute(config, message.backend));
    const traces = computed.map((c) => c.trace);
    // The badge names the backend that computed the step's main (first) trace.
    const { backend, label } = computed[0];
    const ms = performance.now() - start;
    const fallbacks = [...manager.fallbacks];
    post(
      { kind: 'result', id: message.id, traces, backend, label, ms, fallbacks },
      buffersOf(traces),
    );
  } catch (e) {
    const field = e instanceof ConfigError ? e.field : null;
    post({ kind: 'error', id: message.id, index, field, message: (e as Error).message });
  }
  if (!ortStarted) {
    ortStarted = true;
    startOrt().catch((e) => {
      manager.unavailable('wasm', `wasm: ONNX Runtime failed to load: ${(e as Error).message}`);
      postStatus();
    });
  }
});
