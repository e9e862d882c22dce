import type { AttentionConfig } from '../config.ts';
import { forward } from '../run.ts';
import type { Backend } from './backend.ts';

/** The TypeScript engine: always available, paints the first frame while ORT loads. */
export const referenceBackend: Backend = {
  name: 'reference',
  describe: 'reference TypeScript engine',
  run: async (config: AttentionConfig) => forward(config),
};
