import type { BackendName } from '../backends/choice.ts';
import type { AttentionConfig } from '../config.ts';
import type { Trace } from '../trace.ts';
import type { Fallback } from './protocol.ts';

/**
 * Messages between the engine worker and the worker that hosts ONNX Runtime. ORT creates its
 * sessions and runs its first passes synchronously on the thread that calls it — seconds of CPU
 * on a slow machine — so it lives on a thread of its own and the engine worker stays free to
 * answer the learner's edits with the reference engine or the kernels meanwhile.
 */
export type OrtHostRequest =
  | { kind: 'run'; id: number; backend: BackendName; config: AttentionConfig }
  | { kind: 'lose-device'; id: number };

/** One ORT backend that passed its probe in the host. */
export interface HostedBackend {
  name: BackendName;
  describe: string;
  emulated: boolean;
}

export type OrtHostResponse =
  /** Sent once, when ORT has loaded and each backend has been probed. */
  | { kind: 'ready'; backends: HostedBackend[]; unavailable: Fallback[] }
  | { kind: 'done'; id: number; trace?: Trace }
  /** The backend failed (device lost, session failed): the engine stops offering it. */
  | { kind: 'failed'; id: number; message: string };

/** The part of a Worker (or MessagePort) both sides use: lets Node tests use a MessageChannel. */
export interface Port<In, Out> {
  postMessage(message: Out, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<In>) => void): void;
}
