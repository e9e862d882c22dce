/**
 * The ONNX Runtime side of the engine: a BackendManager holding only ORT's backends, answering
 * the engine worker's runs one message at a time. Framework-free and DOM-free: the worker entry
 * (`ort-worker.ts`) gives it its own global scope as the port; unit tests a MessageChannel.
 */
import { BackendManager } from '../backends/manager.ts';
import type { HostedBackend, OrtHostRequest, OrtHostResponse, Port } from './ort-protocol.ts';
import { traceBuffers } from './transfer.ts';

export function serveOrtBackends(
  port: Port<OrtHostRequest, OrtHostResponse>,
  load: (manager: BackendManager) => Promise<void>,
): void {
  const manager = new BackendManager();
  const failed = (e: Error) =>
    manager.unavailable('wasm', `wasm: ONNX Runtime failed to load: ${e.message}`);
  const loaded = load(manager)
    .then(undefined, failed)
    .then(() => {
      const backends: HostedBackend[] = manager
        .available()
        .filter((name) => name !== 'reference')
        .map((name) => {
          const backend = manager.get(name);
          return { name, describe: backend?.describe ?? name, emulated: !!backend?.emulated };
        });
      port.postMessage({ kind: 'ready', backends, unavailable: [...manager.fallbacks] });
    });
  port.addEventListener('message', async (event) => {
    const message = event.data;
    await loaded;
    try {
      if (message.kind === 'lose-device') {
        await manager.get('webgpu')?.loseDevice?.();
        port.postMessage({ kind: 'done', id: message.id });
        return;
      }
      const backend = manager.get(message.backend);
      if (!backend || message.backend === 'reference')
        throw new Error(`${message.backend} is not hosted here`);
      const trace = await backend.run(message.config);
      port.postMessage({ kind: 'done', id: message.id, trace }, traceBuffers([trace]));
    } catch (e) {
      port.postMessage({ kind: 'failed', id: message.id, message: (e as Error).message });
    }
  });
}
