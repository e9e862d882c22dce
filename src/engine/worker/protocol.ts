import type { BackendChoice, BackendName } from '../backends/choice.ts';
import type { AttentionConfigInput } from '../config.ts';
import type { Trace } from '../trace.ts';

export { BACKENDS, type BackendName } from '../backends/choice.ts';

/** Why a backend was not used, e.g. "webgpu: no adapter (navigator.gpu.requestAdapter() returned null)". */
export interface Fallback {
  backend: BackendName;
  reason: string;
}

/** One request computes every trace a step shows (e.g. v1 and v2 side by side), together. */
export interface ComputeRequest {
  kind: 'compute';
  id: number;
  configs: AttentionConfigInput[];
  backend: BackendChoice;
}

/** Test hook: simulate WebGPU device loss (the worker destroys its device). */
export interface LoseDeviceRequest {
  kind: 'lose-device';
}

/**
 * While `on`, the worker starts no optional backend and measures none in the background: the
 * page has heavy work of its own on the cores (the training step playing).
 */
export interface HoldRequest {
  kind: 'hold';
  on: boolean;
}

export type WorkerRequest = ComputeRequest | LoseDeviceRequest | HoldRequest;

export interface ComputeResult {
  kind: 'result';
  id: number;
  /** One trace per requested config, in order. */
  traces: Trace[];
  backend: BackendName;
  /** How the backend describes itself, e.g. "WASM, 2 threads". */
  label: string;
  /** Wall time of the forward pass inside the worker. */
  ms: number;
  /** Every fallback taken so far in this session, oldest first. */
  fallbacks: Fallback[];
}

export interface ComputeError {
  kind: 'error';
  id: number;
  /** Which of the requested configs was refused. */
  index: number;
  /** The config field at fault, when the engine names one. */
  field: string | null;
  message: string;
}

/** Sent whenever the set of usable backends changes (e.g. ORT finished loading, device lost). */
export interface BackendStatus {
  kind: 'status';
  available: BackendName[];
  labels: Partial<Record<BackendName, string>>;
  fallbacks: Fallback[];
}

export type WorkerResponse = ComputeResult | ComputeError | BackendStatus;
