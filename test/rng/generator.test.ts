import { describe, expect, it } from 'vitest';
import { TorchGenerator } from '../../src/rng/index.ts';
import fixture from '../fixtures/torch-rng.json' with { type: 'json' };

/** Float32 bit patterns, so equality is exact (no tolerance, -0 ≠ 0). */
const bitsOf = (values: ArrayLike<number>) =>
  Array.from(new Uint32Array(Float32Array.from(values).buffer));

describe.each(fixture.seeds)('PyTorch CPU generator, torch.manual_seed($seed)', (s) => {
  it('yields the same first 32-bit draws as mt19937', () => {
    const g = new TorchGenerator(s.seed);
    expect(s.first_u32.map(() => g.random())).toEqual(s.first_u32);
  });

  it('torch.rand(20) bit for bit', () => {
    expect(bitsOf(new TorchGenerator(s.seed).rand(20))).toEqual(bitsOf(s.rand20));
  });

  it('uniform_(-0.5, 0.5) bit for bit (fused multiply-add)', () => {
    const got = new TorchGenerator(s.seed).uniform(20, -0.5, 0.5);
    expect(bitsOf(got)).toEqual(bitsOf(s.uniform_m05_05_20));
  });

  it('nn.Linear(3, 2) weight and bias bit for bit', () => {
    const { weight, bias } = new TorchGenerator(s.seed).linear(3, 2, true);
    expect(bitsOf(weight)).toEqual(bitsOf(s.linear_3_2.weight.flat()));
    expect(bitsOf(bias ?? [])).toEqual(bitsOf(s.linear_3_2.bias));
  });

  it('nn.Linear(768, 64): first weights and biases bit for bit', () => {
    const { weight, bias } = new TorchGenerator(s.seed).linear(768, 64, true);
    expect(bitsOf(weight.subarray(0, 5))).toEqual(bitsOf(s.linear_768_64.weight_first5));
    expect(bitsOf((bias ?? new Float32Array()).subarray(0, 5))).toEqual(
      bitsOf(s.linear_768_64.bias_first5),
    );
  });

  it('nn.Dropout(0.5) masks on ones(6, 6) and ones(20, 20)', () => {
    expect(Array.from(new TorchGenerator(s.seed).dropoutMask(36, 0.5))).toEqual(
      s.dropout05_ones6x6.flat(),
    );
    expect(Array.from(new TorchGenerator(s.seed).dropoutMask(400, 0.5))).toEqual(
      s.dropout05_ones20x20.flat(),
    );
  });
});

describe('stream continuity', () => {
  it('draws continue across calls, so construction order matters', () => {
    const g = new TorchGenerator(123);
    const a = g.rand(3);
    const b = g.rand(3);
    expect(Array.from(a)).not.toEqual(Array.from(b));
    expect(bitsOf([...a, ...b])).toEqual(bitsOf(new TorchGenerator(123).rand(6)));
  });

  it('rejects seeds torch would not take as given', () => {
    expect(() => new TorchGenerator(-1)).toThrow(/seed/);
    expect(() => new TorchGenerator(1.5)).toThrow(/seed/);
  });
});
