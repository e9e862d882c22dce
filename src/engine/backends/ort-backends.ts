/**
 * Loads onnxruntime-web inside the worker and registers the WebGPU and WASM backends that work
 * here, recording why each one that does not was skipped. Browser-only (uses Vite `?url` imports
 * so ORT's runtime files are served from our own origin: no CDN, works offline).
 */

import { loadOrt, webgpuAdapter } from '../ort/load.ts';
import { createOrtAttention } from '../ort/run-ort.ts';
import type { OrtModule } from '../ort/session-cache.ts';
import { resolveConfig } from '../resolve-config.ts';
import { type Backend, BackendFailure } from './backend.ts';
import type { BackendName } from './choice.ts';
import type { BackendManager } from './manager.ts';

/** The book's example: a probe that every backend must compute before it is offered. */
const PROBE = resolveConfig({ variant: 'mha' });

export async function addOrtBackends(manager: BackendManager): Promise<void> {
  const ort = await loadOrt(
    self.crossOriginIsolated ? Math.max(1, navigator.hardwareConcurrency) : 1,
  );
  await tryAdd(manager, 'wasm', () => ortBackend(ort, 'wasm'));
  const adapter = await webgpuAdapter();
  if (typeof adapter === 'string') manager.unavailable('webgpu', `webgpu: ${adapter}`);
  else await tryAdd(manager, 'webgpu', () => ortBackend(ort, 'webgpu', adapter));
}

async function tryAdd(
  manager: BackendManager,
  name: BackendName,
  make: () => Backend,
): Promise<void> {
  try {
    const backend = make();
    await backend.run(PROBE);
    manager.add(backend);
  } catch (e) {
    manager.unavailable(name, `${name}: session creation failed: ${(e as Error).message}`);
  }
}

function ortBackend(ort: OrtModule, name: 'wasm' | 'webgpu', adapter?: GPUAdapter): Backend {
  if (adapter) ort.env.webgpu.adapter = adapter;
  const runner = createOrtAttention(ort, { executionProviders: [name] });
  let lost: string | null = null;
  return {
    name,
    emulated: !!adapter?.info?.isFallbackAdapter,
    describe: adapter?.info?.isFallbackAdapter
      ? `WebGPU on ${adapter.info.description || adapter.info.vendor || 'a fallback adapter'} (CPU emulation)`
      : name === 'webgpu'
        ? 'WebGPU'
        : `WASM, ${ort.env.wasm.numThreads} thread${ort.env.wasm.numThreads === 1 ? '' : 's'}`,
    async run(config) {
      if (lost) throw new BackendFailure(name, lost);
      return runner.run(config);
    },
    async loseDevice() {
      if (name !== 'webgpu') return;
      const device = await ort.env.webgpu.device;
      device.lost.then((info) => {
        lost = `device lost (${info.reason || 'unknown'}): ${info.message}`;
      });
      device.destroy();
      lost = 'device lost (destroyed)';
    },
  };
}
