import { describe, expect, it } from 'vitest';
import { instantiate, sharedMemory } from '../../src/kernels/exports.ts';
import { kernelModule } from './node-team.ts';

describe.each(['relaxed', 'plain'] as const)('vectorised exp (%s build)', (build) => {
  it('is within 2 ulp-ish (2.5e-7 relative) of Math.exp on the softmax range [-87, 0]', () => {
    const memory = sharedMemory(4);
    const ex = instantiate(kernelModule(build), memory);
    const n = 20001;
    const src = new Float32Array(memory.buffer, 1024, n);
    for (let i = 0; i < n; i++) src[i] = Math.fround(-87 * (i / (n - 1)) ** 2);
    const dst = new Float32Array(memory.buffer, 1024 + n * 4 + 64, n);
    ex.exp_array(src.byteOffset, dst.byteOffset, n);
    let worst = 0;
    for (let i = 0; i < n; i++) {
      const want = Math.exp(src[i]);
      worst = Math.max(worst, Math.abs(dst[i] - want) / want);
    }
    expect(worst).toBeLessThan(2.5e-7);
    expect(worst).toBeGreaterThan(0); // a float32 result cannot equal float64's everywhere
  });

  it('gives 0 far below the subnormal range and exactly 1 at 0', () => {
    const memory = sharedMemory(1);
    const ex = instantiate(kernelModule(build), memory);
    const src = new Float32Array(memory.buffer, 0, 8);
    src.set([0, -100, Number.NEGATIVE_INFINITY, -1, 0, -200, -0.5, -88]);
    const dst = new Float32Array(memory.buffer, 64, 8);
    ex.exp_array(0, 64, 8);
    expect(dst[0]).toBe(1);
    expect(dst[4]).toBe(1);
    expect(dst[1]).toBe(0);
    expect(dst[2]).toBe(0);
    expect(dst[5]).toBe(0);
    expect(dst[3]).toBeCloseTo(Math.exp(-1), 7);
    expect(dst[6]).toBeCloseTo(Math.exp(-0.5), 7);
  });
});
