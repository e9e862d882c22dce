/// <reference lib="webworker" />
/**
 * The worker that hosts ONNX Runtime, started by the engine worker when ORT can help. ORT's
 * session creation and first passes run synchronously on their thread: here they never hold
 * up the engine worker's answers to the learner's edits.
 */
import { addOrtBackends } from '../backends/ort-backends.ts';
import { serveOrtBackends } from './ort-host.ts';

declare const self: DedicatedWorkerGlobalScope;

serveOrtBackends(self, addOrtBackends);
