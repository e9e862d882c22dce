/// <reference lib="webworker" />
/**
 * The engine's Web Worker: computes traces off the main thread. The reference engine answers the
 * first request at once; our WASM SIMD kernels start after that, and ONNX Runtime (28 MB) loads
 * only when it can help: WebGPU is present, or the learner forces ORT's WASM or WebGPU. The page
 * is told which backends became available. `auto` answers with the fastest backend measured for
 * the request's size; while idle, the worker measures the others (results discarded).
 */
import { BackendManager } from '../backends/manager.ts';
import { addRemoteOrtBackends } from '../backends/ort-remote.ts';
import type { AttentionConfig } from '../config.ts';
import { ConfigError } from '../config-error.ts';
import { resolveConfig } from '../resolve-config.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';
import { traceBuffers } from './transfer.ts';

declare const self: DedicatedWorkerGlobalScope;

const manager = new BackendManager();
let kernelStarted = false;
let ortStarted = false;
/** The newest request, and whether one is being computed: exploration waits for idleness. */
let latest = -1;
let busy = false;
/**
 * Whether a background measurement is under way. A request never waits for it: the reference
 * engine and the kernels compute synchronously, and ORT runs on its own worker one run at a
 * time, so only a request that `auto` sends to ORT queues behind an ORT measurement.
 */
let exploring = false;
/** Pause before a background measurement, so a burst of edits is not slowed by one. */
const IDLE_MS = 40;

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

/**
 * Loads ORT (after the first frame is painted: the reference engine painted it) in a worker of
 * its own: its session creation and first passes are synchronous and would otherwise hold this
 * thread's answers to the learner's edits for as long as they take.
 */
async function startOrt(): Promise<void> {
  if (ortStarted) return;
  ortStarted = true;
  try {
    const host = new Worker(new URL('./ort-worker.ts', import.meta.url), { type: 'module' });
    await addRemoteOrtBackends(manager, host);
  } catch (e) {
    manager.unavailable('wasm', `wasm: ONNX Runtime failed to load: ${(e as Error).message}`);
  }
  postStatus();
}

async function startKernels(): Promise<void> {
  if (kernelStarted) return;
  kernelStarted = true;
  const { addKernelBackend } = await import('../backends/kernel-backend.ts');
  await addKernelBackend(manager);
  postStatus();
}

/** ORT helps where WebGPU is present; elsewhere it loads only when the learner forces it. */
function ortWanted(choice: WorkerRequest & { kind: 'compute' }): boolean {
  return choice.backend === 'wasm' || choice.backend === 'webgpu' || !!navigator.gpu;
}

/**
 * Loading the kernels (a thread team) and ONNX Runtime (28 MB) costs the worker seconds of CPU:
 * it starts once the learner has paused (no request for STARTUP_IDLE_MS), never in the middle of
 * a burst of edits, unless the learner asked for one of those backends by name.
 */
const STARTUP_IDLE_MS = 1500;
let startTimer: ReturnType<typeof setTimeout> | undefined;
/** The page's hold (see HoldRequest), and the start it put off. */
let held = false;
let heldStart: (() => void) | null = null;
function startBackendsWhenIdle(message: WorkerRequest & { kind: 'compute' }): void {
  if (kernelStarted && (ortStarted || !ortWanted(message))) return;
  const forced = message.backend !== 'auto' && message.backend !== 'reference';
  clearTimeout(startTimer);
  const start = () => {
    if (!kernelStarted) void startKernels();
    if (!ortStarted && ortWanted(message)) void startOrt();
  };
  if (forced) start();
  else
    startTimer = setTimeout(() => {
      if (held) heldStart = start;
      else start();
    }, STARTUP_IDLE_MS);
}

function hold(on: boolean): void {
  held = on;
  const start = heldStart;
  heldStart = null;
  if (!on && start) startTimer = setTimeout(start, STARTUP_IDLE_MS);
}

/** While no request is waiting, measure one backend `auto` is unsure about, then look again. */
function exploreWhenIdle(config: AttentionConfig, id: number): void {
  setTimeout(async () => {
    if (busy || exploring || held || id !== latest) return;
    exploring = true;
    const measured = await manager.explore(config).catch(() => null); // a refused config was reported
    exploring = false;
    if (measured && id === latest) exploreWhenIdle(config, id);
  }, IDLE_MS);
}

self.addEventListener('message', async (event: MessageEvent<WorkerRequest>) => {
  const message = event.data;
  if (message.kind === 'lose-device') {
    await manager.get('webgpu')?.loseDevice?.();
    return;
  }
  if (message.kind === 'hold') {
    hold(message.on);
    return;
  }
  let index = 0;
  latest = message.id;
  busy = true;
  let configs: AttentionConfig[] = [];
  try {
    configs = message.configs.map((c, i) => {
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
      traceBuffers(traces),
    );
  } catch (e) {
    const field = e instanceof ConfigError ? e.field : null;
    post({ kind: 'error', id: message.id, index, field, message: (e as Error).message });
  }
  busy = false;
  startBackendsWhenIdle(message);
  if (message.backend === 'auto' && configs.length > 0) exploreWhenIdle(configs[0], message.id);
});
