/**
 * ORT's backends as the engine worker sees them: stand-ins that pass each run to the worker
 * hosting ONNX Runtime (`worker/ort-host.ts`) and wait for its trace, so that ORT's synchronous
 * work happens on another thread. A run that fails there fails here as a BackendFailure: the
 * manager drops that backend and falls back, as for any backend.
 */

import type { Trace } from '../trace.ts';
import type {
  HostedBackend,
  OrtHostRequest,
  OrtHostResponse,
  Port,
} from '../worker/ort-protocol.ts';
import { type Backend, BackendFailure } from './backend.ts';
import type { BackendManager } from './manager.ts';

type Waiting = {
  resolve(trace?: Trace): void;
  reject(error: Error): void;
  name: HostedBackend['name'];
};
type Call = { kind: 'run'; backend: HostedBackend['name']; config: Parameters<Backend['run']>[0] };

export interface OrtHostPort extends Port<OrtHostResponse, OrtHostRequest> {
  /** A Worker reports a script that failed to load or threw here (a MessagePort never does). */
  addEventListener(type: 'message', listener: (event: MessageEvent<OrtHostResponse>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
}

/** Waits for the host to load ORT, then registers what it offers and what it could not. */
export async function addRemoteOrtBackends(
  manager: BackendManager,
  port: OrtHostPort,
): Promise<void> {
  const waiting = new Map<number, Waiting>();
  let nextId = 1;
  /** Why the host's worker stopped, if it did: no answer will come from it any more. */
  let stopped: string | null = null;
  const ready = new Promise<OrtHostResponse & { kind: 'ready' }>((resolve, reject) => {
    port.addEventListener('error', (event) => {
      stopped = `the ONNX Runtime worker stopped: ${event.message || 'no message'}`;
      reject(new Error(stopped));
      for (const call of waiting.values()) call.reject(new BackendFailure(call.name, stopped));
      waiting.clear();
    });
    port.addEventListener('message', ({ data }) => {
      if (data.kind === 'ready') return resolve(data);
      const call = waiting.get(data.id);
      waiting.delete(data.id);
      if (data.kind === 'done') call?.resolve(data.trace);
      else call?.reject(new BackendFailure(call.name, data.message));
    });
  });
  const send = (request: Call | { kind: 'lose-device' }, name: HostedBackend['name']) =>
    new Promise<Trace | undefined>((resolve, reject) => {
      if (stopped) return reject(new BackendFailure(name, stopped));
      const id = nextId++;
      waiting.set(id, { resolve, reject, name });
      port.postMessage({ ...request, id });
    });
  const { backends, unavailable } = await ready;
  for (const { backend, reason } of unavailable) manager.unavailable(backend, reason);
  for (const hosted of backends) {
    const backend: Backend = {
      ...hosted,
      run: async (config) => {
        const trace = await send({ kind: 'run', backend: hosted.name, config }, hosted.name);
        if (!trace) throw new BackendFailure(hosted.name, 'no trace came back');
        return trace;
      },
    };
    // Only a GPU backend has a device to lose (the test hook; the host passes it to WebGPU's).
    if (hosted.name === 'webgpu')
      backend.loseDevice = async () => {
        await send({ kind: 'lose-device' }, hosted.name);
      };
    manager.add(backend);
  }
}
