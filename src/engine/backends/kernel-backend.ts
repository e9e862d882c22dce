/**
 * Our WebAssembly SIMD kernels as a backend: v2, causal and mha (dropout off) with every named
 * intermediate; the other variants are left to the reference engine (`supports`). Browser-only.
 */
import { startBrowserTeam } from '../../kernels/browser-team.ts';
import { KernelMha } from '../../kernels/mha.ts';
import { kernelTrace, unsupported } from '../../kernels/trace.ts';
import { resolveConfig } from '../resolve-config.ts';
import type { Backend } from './backend.ts';
import type { BackendManager } from './manager.ts';

/** The book's example: computed once before the backend is offered. */
const PROBE = resolveConfig({ variant: 'mha' });

export async function addKernelBackend(manager: BackendManager): Promise<void> {
  try {
    const team = await startBrowserTeam();
    const mha = new KernelMha(team);
    const kind = team.build === 'relaxed' ? 'FMA' : 'plain SIMD';
    const backend: Backend = {
      name: 'kernel',
      describe: `WASM SIMD kernels (${kind}), ${team.threads} thread${team.threads === 1 ? '' : 's'}`,
      supports: (config) => unsupported(config) === null,
      run: async (config) => kernelTrace(mha, config),
    };
    await backend.run(PROBE);
    manager.add(backend);
  } catch (e) {
    const isolated = globalThis.crossOriginIsolated
      ? ''
      : ' (the page is not cross-origin isolated)';
    manager.unavailable('kernel', `kernel: could not start${isolated}: ${(e as Error).message}`);
  }
}
