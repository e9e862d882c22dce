import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll } from 'vitest';
import type { KernelBuild } from '../../src/kernels/exports.ts';
import { KernelGraphOps } from '../../src/kernels/graph-ops.ts';
import type { HelperInit } from '../../src/kernels/helper.ts';
import { Team } from '../../src/kernels/team.ts';

/** The module `npm run build:wasm` wrote (tests run after it; see package.json). */
export function kernelModule(build: KernelBuild, single = false): WebAssembly.Module {
  const name = `kernels-${build}${single ? '-single' : ''}.wasm`;
  return new WebAssembly.Module(
    readFileSync(new URL(`../../src/kernels/build/${name}`, import.meta.url)),
  );
}

let bundled: string | null = null;

function helperScript(): string {
  bundled ??= buildSync({
    entryPoints: [fileURLToPath(new URL('./node-helper.ts', import.meta.url))],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    write: false,
  }).outputFiles[0].text;
  return bundled;
}

/** Helper threads as Node workers running the same helper loop as the browser's. */
function spawnNode(init: HelperInit): Promise<{ terminate(): void }> {
  // The worker runs the TypeScript helper bundled to one script (V8 flags are the process's).
  const worker = new Worker(helperScript(), { eval: true, workerData: init });
  return new Promise((resolve, reject) => {
    worker.once('message', () => resolve(worker));
    worker.once('error', reject);
  });
}

export function nodeTeam(build: KernelBuild, threads: number): Promise<Team> {
  return Team.start(kernelModule(build), build, threads, threads > 1 ? spawnNode : null);
}

/**
 * The graph's kernel op set on an instance of its own (one thread), started before the suite's
 * tests and stopped after them: read `ops` (and `team`) inside the tests.
 */
export function suiteKernelOps(build: KernelBuild): { team: Team; ops: KernelGraphOps } {
  const held = {} as { team: Team; ops: KernelGraphOps };
  beforeAll(async () => {
    held.team = await Team.start(kernelModule(build), build, 1, null);
    held.ops = new KernelGraphOps(held.team.ex, held.team.memory);
  });
  afterAll(() => held.team.stop());
  return held;
}
