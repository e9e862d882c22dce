/**
 * Our WebAssembly SIMD kernels as a backend for every config: the big forward passes of v2,
 * causal and mha on the team's threads (`KernelMha`), everything else as the engine's graph on
 * the kernel op set in an instance of its own (one thread: the same numbers every run).
 * Browser-only.
 */
import { startBrowserTeam } from '../../kernels/browser-team.ts';
import { KernelGraphOps } from '../../kernels/graph-ops.ts';
import { KernelMha } from '../../kernels/mha.ts';
import { kernelTrace } from '../../kernels/trace.ts';
import { resolveConfig } from '../resolve-config.ts';
import type { Backend } from './backend.ts';
import type { BackendManager } from './manager.ts';

/** The book's example: computed once before the backend is offered. */
const PROBE = resolveConfig({ variant: 'mha' });

export async function addKernelBackend(manager: BackendManager): Promise<void> {
  try {
    const team = await startBrowserTeam();
    const mha = new KernelMha(team);
    // Its own memory: the graph ops overwrite theirs freely, the fast path keeps packed weights.
    const single = await startBrowserTeam(1, team.build);
    const ops = new KernelGraphOps(single.ex, single.memory);
    const kind = team.build === 'relaxed' ? 'FMA' : 'plain SIMD';
    const backend: Backend = {
      name: 'kernel',
      describe: `WASM SIMD kernels (${kind}), ${team.threads} thread${team.threads === 1 ? '' : 's'}`,
      run: async (config) => kernelTrace(mha, config, ops),
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
