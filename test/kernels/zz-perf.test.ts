import { it } from 'vitest';
import { instantiate, sharedMemory } from '../../src/kernels/exports.ts';
import { kernelModule } from './node-team.ts';

it('perf', () => {
  for (const build of ['relaxed', 'plain'] as const) {
    const mem = sharedMemory(16 * 200);
    const ex = instantiate(kernelModule(build), mem);
    const f = new Float32Array(mem.buffer);
    for (let i = 0; i < f.length; i++) f[i] = Math.random();
    const M = 1024,
      K = 768,
      N = 768;
    const a = 1 << 20,
      bp = a + M * K * 4 + 4096,
      c = bp + K * N * 4 + 4096;
    for (let rep = 0; rep < 6; rep++) {
      const s = performance.now();
      ex.gemm(a, K, bp, K, N, c, N, 0, 0, M, 0);
      const ms = performance.now() - s;
      console.log(build, 'gemm', ms.toFixed(1), ((2 * M * K * N) / ms / 1e6).toFixed(1));
    }
  }
}, 120000);
