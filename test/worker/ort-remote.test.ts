import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { type Backend, BackendFailure } from '../../src/engine/backends/backend.ts';
import { BackendManager } from '../../src/engine/backends/manager.ts';
import { addRemoteOrtBackends, type OrtHostPort } from '../../src/engine/backends/ort-remote.ts';
import { resolveConfig } from '../../src/engine/resolve-config.ts';
import { forward } from '../../src/engine/run.ts';
import { serveOrtBackends } from '../../src/engine/worker/ort-host.ts';
import type {
  OrtHostRequest,
  OrtHostResponse,
  Port,
} from '../../src/engine/worker/ort-protocol.ts';

const book = resolveConfig({ variant: 'mha' });
const open: MessagePort[] = [];

afterEach(() => {
  for (const port of open.splice(0)) port.close();
});

/** The engine's side and the host's side of one channel, as the two workers have them. */
function channel(load: (host: BackendManager) => Promise<void>) {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  serveOrtBackends(port2 as unknown as Port<OrtHostRequest, OrtHostResponse>, load);
  port2.start();
  port1.start();
  const engine = new BackendManager();
  return { engine, ready: addRemoteOrtBackends(engine, port1 as unknown as OrtHostPort) };
}

/** A hosted backend computing with the reference engine; `gate` holds its runs until opened. */
function hosted(name: 'wasm' | 'webgpu', behaviour: { fail?: string; gate?: Promise<void> } = {}) {
  const calls: string[] = [];
  const backend: Backend = {
    name,
    describe: `hosted ${name}`,
    run: async (config) => {
      calls.push('run');
      await behaviour.gate;
      if (behaviour.fail) throw new BackendFailure(name, behaviour.fail);
      return forward(config);
    },
    loseDevice: async () => {
      calls.push('lose-device');
    },
  };
  return { backend, calls };
}

describe('ORT on a worker of its own (host ⇄ engine)', () => {
  it('offers what the host loaded, with its labels and the reasons for what it did not', async () => {
    const wasm = hosted('wasm');
    const { engine, ready } = channel(async (host) => {
      host.add(wasm.backend);
      host.unavailable('webgpu', 'webgpu: no adapter');
    });
    await ready;
    expect(engine.available()).toEqual(['wasm', 'reference']);
    expect(engine.labels().wasm).toBe('hosted wasm');
    expect(engine.fallbacks).toEqual([{ backend: 'webgpu', reason: 'webgpu: no adapter' }]);
    const computed = await engine.compute(book, 'wasm');
    expect(computed.backend).toBe('wasm');
    const reference = forward(book);
    // The trace crossed two threads intact: the book's mha context vectors, value for value.
    expect(Array.from(computed.trace.output.data)).toEqual(Array.from(reference.output.data));
    expect(computed.trace.output.shape).toEqual(reference.output.shape);
    expect(wasm.calls).toEqual(['run']);
  });

  it('answers the learner on the reference engine while an ORT run is still under way', async () => {
    let open = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const wasm = hosted('wasm', { gate });
    const { engine, ready } = channel(async (host) => host.add(wasm.backend));
    await ready;
    let measured = false;
    // The idle worker measuring ORT: its run is held at the gate, in the host.
    const measuring = engine.explore(book).finally(() => {
      measured = true;
    });
    const answered = await engine.compute(book, 'reference');
    expect(answered.backend).toBe('reference');
    expect(measured).toBe(false);
    open();
    expect(await measuring).toBe('wasm');
  });

  it('drops a backend whose run fails in the host and falls back with the reason', async () => {
    const wasm = hosted('wasm', { fail: 'session creation failed: out of memory' });
    const { engine, ready } = channel(async (host) => host.add(wasm.backend));
    await ready;
    const computed = await engine.compute(book, 'wasm');
    expect(computed.backend).toBe('reference');
    expect(engine.available()).toEqual(['reference']);
    expect(engine.fallbacks.at(-1)?.reason).toBe(
      'wasm: session creation failed: out of memory (fell back)',
    );
  });

  it('reports ONNX Runtime that failed to load as the reason WASM is missing', async () => {
    const { engine, ready } = channel(async () => {
      throw new Error('404 ort-wasm-simd-threaded.jsep.wasm');
    });
    await ready;
    expect(engine.available()).toEqual(['reference']);
    expect(engine.fallbacks).toEqual([
      {
        backend: 'wasm',
        reason: 'wasm: ONNX Runtime failed to load: 404 ort-wasm-simd-threaded.jsep.wasm',
      },
    ]);
  });

  it('falls back, with the reason, when the host worker stops in the middle of a run', async () => {
    const wasm = hosted('wasm', { gate: new Promise<void>(() => {}) }); // its run never ends
    const { port1, port2 } = new MessageChannel();
    open.push(port1, port2);
    serveOrtBackends(port2 as unknown as Port<OrtHostRequest, OrtHostResponse>, async (host) =>
      host.add(wasm.backend),
    );
    port2.start();
    port1.start();
    // The engine's side of a Worker: messages from the channel, errors fired by the test.
    const errors: ((event: ErrorEvent) => void)[] = [];
    const worker = {
      postMessage: (m: OrtHostRequest) => port1.postMessage(m),
      addEventListener: (type: string, listener: (event: never) => void) => {
        if (type === 'error') errors.push(listener as (event: ErrorEvent) => void);
        else port1.addEventListener('message', listener as never);
      },
    } as OrtHostPort;
    const engine = new BackendManager();
    await addRemoteOrtBackends(engine, worker);
    const computing = engine.compute(book, 'wasm');
    await new Promise((resolve) => setTimeout(resolve, 20));
    for (const fire of errors) fire({ message: 'out of memory' } as ErrorEvent);
    const computed = await computing;
    expect(computed.backend).toBe('reference');
    expect(engine.fallbacks.at(-1)?.reason).toBe(
      'wasm: the ONNX Runtime worker stopped: out of memory (fell back)',
    );
    // Forced again later: refused at once, not left waiting for a worker that is gone.
    expect((await engine.compute(book, 'wasm')).backend).toBe('reference');
  });

  it('passes the device-loss test hook to the hosted WebGPU backend', async () => {
    const webgpu = hosted('webgpu');
    const { engine, ready } = channel(async (host) => host.add(webgpu.backend));
    await ready;
    await engine.get('webgpu')?.loseDevice?.();
    expect(webgpu.calls).toEqual(['lose-device']);
  });
});
