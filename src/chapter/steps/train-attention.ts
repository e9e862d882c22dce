/** Beyond the chapter: W_query, W_key and W_value learned by backpropagation (issue 11). */

import { atSchema, clampAt, clampSetup, setupSchema } from '../../training/local.ts';
import type { TrainingSetup } from '../../training/setup.ts';
import { DEFAULT_SETUP, inputOf, untrainedInput } from '../../training/setup.ts';
import { weightsPanel } from '../panels/make.ts';
import { aligned } from './python.ts';
import type { LocalField, StepDef } from './types.ts';

export const setupField: LocalField<TrainingSetup> = {
  label: 'training setup',
  initial: DEFAULT_SETUP,
  schema: setupSchema,
  clamp: clampSetup,
};

export const atField: LocalField<number> = {
  label: 'training step shown',
  initial: 0,
  schema: atSchema,
  clamp: clampAt,
};

export const stepTrain: StepDef<'train'> = {
  id: 'train',
  short: 'Training',
  title: 'Attention that learns: training W_query, W_key and W_value',
  defaults: {},
  local: { setup: setupField, at: atField },
  body: 'training',
  prose: [
    'The chapter builds trainable weights but leaves training to chapter 5. Here they learn: pick a pattern, and gradient descent on the mean squared error between the context vectors and a target finds W_query and W_key that attend that way.',
    'Each task is a target output: the value vectors mixed by the pattern’s weights. W_value stays fixed unless you let it learn: it could then fit the target without attending where it should.',
    'Each token’s embedding gets its position (one-hot) appended: attention alone sees a set, not a sequence, and “journey” and “starts” have nearly equal embeddings.',
    'Turn off the √d_k scaling at a larger d_k and the softmax saturates: the gradients vanish and learning stalls.',
  ],
  code: (view) => {
    const setup = clampSetup(view.local.setup) ?? DEFAULT_SETUP;
    const opt =
      setup.optimizer === 'sgd'
        ? `torch.optim.SGD(params, lr=${setup.lr})`
        : `torch.optim.AdamW(params, lr=${setup.lr})`;
    return aligned([
      `torch.manual_seed(${setup.seed})`,
      `attn = CausalAttention(d_in=${inputOf(setup)[0].length}, d_out=${setup.d_out}, context_length=6, dropout=0.0)`,
      `params = [attn.W_query.weight, attn.W_key.weight${setup.trainValues ? ', attn.W_value.weight' : ''}]`,
      `optimizer = ${opt}`,
      'for step in range(steps):',
      '    optimizer.zero_grad()',
      '    loss = ((attn(x) - target) ** 2).mean()  # MSE against the task’s target',
      '    loss.backward()                          # ∂loss/∂W through softmax and 1/√d_k',
      '    optimizer.step()',
    ]);
  },
  controls: [],
  // The training worker trains; the engine gives the untrained module, for the formula panel.
  configsFor: (view) => [untrainedInput(clampSetup(view.local.setup) ?? DEFAULT_SETUP)],
  panels: (_view, [trace]) => [
    { title: 'Before training', panels: [weightsPanel({ trace }, 'attention weights, untrained')] },
  ],
  featured: () => ({ panel: 'attn_weights', row: 0, col: 0 }),
};
