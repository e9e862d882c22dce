import type { TrainConfig } from '../config.ts';

/** Updates parameters in place from their gradients, as torch.optim does (float32 state). */
export interface Optimizer {
  step(params: Record<string, Float32Array>, grads: Record<string, Float64Array>): void;
}

const f32 = Math.fround;

/** torch.optim.SGD without momentum: p ← p − lr · g. */
function sgd(lr: number): Optimizer {
  const alpha = f32(-lr);
  return {
    step(params, grads) {
      for (const [name, p] of Object.entries(params)) {
        const g = grads[name];
        for (let i = 0; i < p.length; i++) p[i] = f32(p[i] + f32(alpha * f32(g[i])));
      }
    },
  };
}

/**
 * torch.optim.AdamW (torch 1.13's single-tensor loop): decoupled weight decay, then Adam's
 * moments with bias correction; betas (0.9, 0.999), eps 1e-8. Each tensor op rounds to float32.
 */
function adamw(lr: number, weightDecay: number): Optimizer {
  const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];
  const m = new Map<string, Float32Array>();
  const v = new Map<string, Float32Array>();
  let t = 0;
  return {
    step(params, grads) {
      t++;
      const bc1 = 1 - beta1 ** t;
      const bc2Sqrt = Math.sqrt(1 - beta2 ** t);
      const stepSize = lr / bc1;
      for (const [name, p] of Object.entries(params)) {
        const g = grads[name];
        const ma = m.get(name) ?? new Float32Array(p.length);
        const va = v.get(name) ?? new Float32Array(p.length);
        m.set(name, ma);
        v.set(name, va);
        const decay = f32(1 - lr * weightDecay);
        for (let i = 0; i < p.length; i++) {
          const gi = f32(g[i]);
          p[i] = f32(p[i] * decay);
          ma[i] = f32(f32(ma[i] * f32(beta1)) + f32(gi * f32(1 - beta1)));
          va[i] = f32(f32(va[i] * f32(beta2)) + f32(f32(gi * gi) * f32(1 - beta2)));
          const denom = f32(f32(f32(Math.sqrt(va[i])) / f32(bc2Sqrt)) + f32(eps));
          p[i] = f32(p[i] + f32(f32(-stepSize) * f32(ma[i] / denom)));
        }
      }
    },
  };
}

export function optimizerFor(train: TrainConfig): Optimizer {
  return (train.optimizer ?? 'sgd') === 'sgd'
    ? sgd(train.lr)
    : adamw(train.lr, train.weight_decay ?? 0.01);
}
