/// <reference lib="webworker" />
import { Gpt2Weights, seedTableBuffers } from './embeddings.ts';

/** What the step's worker asks: a seed's tables up to `rows` position rows (see `SeedTables`). */
export interface TablesRequest {
  seed: number;
  rows: number;
}

/**
 * A second thread for a cold start: the position rows and the layer's weights of one seed,
 * drawn while the step's worker evaluates the tokenizer and draws the text's token rows. One
 * request, one answer (the tables, transferred); the step's worker then ends it.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.addEventListener('message', (event: MessageEvent<TablesRequest>) => {
  const { seed, rows } = event.data;
  const tables = new Gpt2Weights(seed).seedTables(rows);
  scope.postMessage(tables, seedTableBuffers(tables));
});
