/** Exercise 3.3 at full size: the learner's text through a GPT-2-sized MultiHeadAttention. */
import { GPT2_INITIAL, headSchema, textSchema, zoomSchema } from '../../gpt2/view.ts';
import { aligned } from './python.ts';
import type { StepDef } from './types.ts';

export const stepEx33: StepDef<'ex3.3'> = {
  id: 'ex3.3',
  short: 'GPT-2 size',
  title: 'Exercise 3.3: your own text through a GPT-2-sized attention layer',
  defaults: {},
  local: {
    text: { label: 'text', initial: GPT2_INITIAL.text, schema: textSchema },
    head: { label: 'head shown', initial: GPT2_INITIAL.head, schema: headSchema },
    zoom: { label: 'zoom', initial: GPT2_INITIAL.zoom, schema: zoomSchema },
  },
  body: 'gpt2',
  prose: [
    'Exercise 3.3 asks for a MultiHeadAttention the size of the smallest GPT-2: 12 heads, 768-dimensional embeddings and a context of 1,024 tokens.',
    'Type any text. GPT-2’s byte-pair tokenizer splits it (a word keeps its leading space, shown as ·); each token id picks a row of `nn.Embedding(50257, 768)`, each position a row of `nn.Embedding(1024, 768)`, and their sum goes through the layer — every number as PyTorch draws it after `torch.manual_seed(seed)`.',
    'Each head’s weights are a T × T map; open one to zoom in and read the token pairs.',
  ],
  code: (view) =>
    aligned([
      'import tiktoken',
      'tokenizer = tiktoken.get_encoding("gpt2")',
      'ids = torch.tensor([tokenizer.encode(text)[:1024]])',
      `torch.manual_seed(${view.seed})`,
      'tok_emb = nn.Embedding(50257, 768)',
      'pos_emb = nn.Embedding(1024, 768)',
      'mha = MultiHeadAttention(768, 768, context_length=1024,',
      '                         dropout=0.0, num_heads=12)',
      'x = tok_emb(ids) + pos_emb(torch.arange(ids.shape[1]))',
      'context_vecs = mha(x)          # [1, T, 768]',
    ]),
  controls: ['seed'],
  // The step computes in its own worker (src/gpt2/worker.ts): nothing for the chapter's engine.
  ownWorkers: true,
  configsFor: () => [],
  panels: () => [],
  featured: () => ({ panel: 'attn_weights', row: 0, col: 0 }),
};
