/// <reference lib="webworker" />
import { startBrowserTeam } from '../kernels/browser-team.ts';
import drawsUrl from '../rng/build/draws.wasm?url';
import { WasmDraws } from '../rng/index.ts';
import { loadGpt2Tokenizer } from '../tokenizer/index.ts';
import { KernelLayer, type LayerRunner, referenceLayer } from './kernel-layer.ts';
import { peekGpt2Link } from './link-peek.ts';
import type { Gpt2Request, Gpt2Response } from './protocol.ts';
import { Gpt2Session } from './session.ts';
import { Timeline } from './timeline.ts';
import { buffersOf } from './transfer.ts';

/**
 * The kernels, started now so they are ready with the tokenizer (the first run waits for both):
 * helper threads when the page is cross-origin isolated, else this thread alone. Where they
 * cannot start (no WebAssembly SIMD) the reference TypeScript computes the layer.
 */
async function startLayer(): Promise<LayerRunner> {
  try {
    const asked = timeline.now();
    const layer = new KernelLayer(await startBrowserTeam());
    timeline.record('kernels-start', asked);
    timeline.time('kernels-warm', () => layer.warm());
    return layer;
  } catch (err) {
    console.warn('GPT-2 step: the kernels did not start, the reference TS computes', err);
    return referenceLayer;
  }
}

/** The tables' draws in WebAssembly (the 62 K-twist seek, the normals); else TypeScript's. */
async function startDraws(): Promise<WasmDraws | undefined> {
  try {
    const asked = timeline.now();
    const draws = new WasmDraws(await WebAssembly.compileStreaming(fetch(drawsUrl)));
    timeline.record('draws-start', asked);
    return draws;
  } catch {
    return undefined;
  }
}

/** The Exercise 3.3 step's worker: the 38.6 M-draw tables and the layer never touch the page. */
const timeline = new Timeline();
// From the worker's creation (its clock's origin) to its script running: fetch and compile.
timeline.record('worker-load', performance.timeOrigin);
const draws = startDraws();
// Every run needs the tokenizer: its ~0.5 MB is fetched and compiled while the tables are drawn.
loadGpt2Tokenizer().catch(() => {});
const session = new Gpt2Session(startLayer(), timeline, draws);
const scope = self as unknown as DedicatedWorkerGlobalScope;

/** One request at a time, in order: a run must not start while a prepare of its text computes. */
let queue: Promise<void> = Promise.resolve();

async function answer(req: Gpt2Request): Promise<void> {
  if (req.kind === 'prepare') {
    // A failure here is the first run's to report: it computes the same text again.
    const inputs = timeline.time('link-peek', () => peekGpt2Link(req.link));
    if (inputs) await session.prepare(inputs.text, inputs.seed).catch(() => {});
    return;
  }
  let reply: Gpt2Response;
  try {
    reply = req.kind === 'run' ? await session.run(req) : session.fetch(req);
  } catch (err) {
    reply = {
      kind: 'error',
      id: req.id,
      message: err instanceof Error ? err.message : String(err),
    };
  }
  scope.postMessage(reply, buffersOf(reply));
}

scope.addEventListener('message', (event: MessageEvent<Gpt2Request>) => {
  queue = queue.then(() => answer(event.data));
});
