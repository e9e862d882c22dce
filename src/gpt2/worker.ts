/// <reference lib="webworker" />
import { compileKernels, prestartHelpers, startBrowserTeam } from '../kernels/browser-team.ts';
import { relaxedSimdSupported } from '../kernels/exports.ts';
import drawsUrl from '../rng/build/draws.wasm?url';
import drawsRelaxedUrl from '../rng/build/draws-relaxed.wasm?url';
import { WasmDraws } from '../rng/index.ts';
import { loadGpt2Tokenizer } from '../tokenizer/index.ts';
import { KernelLayer, type LayerRunner, referenceLayer } from './kernel-layer.ts';
import { peekGpt2Link } from './link-peek.ts';
import type { ClientRequest, Gpt2Response } from './protocol.ts';
import { Gpt2Session, tablesRows } from './session.ts';
import { Timeline } from './timeline.ts';
import { buffersOf } from './transfer.ts';
import { linkOfWorkerName } from './worker-name.ts';

/**
 * The kernels, started now so they are ready with the tokenizer (the first run waits for both):
 * helper threads when the page is cross-origin isolated, else this thread alone. Where they
 * cannot start (no WebAssembly SIMD) the reference TypeScript computes the layer.
 */
async function startLayer(): Promise<LayerRunner> {
  try {
    const asked = timeline.now();
    const layer = new KernelLayer(await startBrowserTeam(undefined, undefined, kernels, helpers));
    timeline.record('kernels-start', asked);
    // The first pass's memory, faulted in on the helper threads while this one warms up and
    // draws the tables: ~0.3–0.5 s off that pass at T=1,024.
    if (prepared) layer.prefault(tablesRows(prepared.text));
    // Every run needs the tokenizer: its ~0.5 MB module is fetched now and compiles and
    // evaluates on this thread's next turns. Not sooner: the helper threads' start and their
    // first message wait for this thread to be free.
    loadGpt2Tokenizer().catch(() => {});
    timeline.time('kernels-warm', () => layer.warm());
    return layer;
  } catch (err) {
    console.warn('GPT-2 step: the kernels did not start, the reference TS computes', err);
    return referenceLayer;
  }
}

/**
 * The tables' draws in WebAssembly (the 62 K-twist seek, the normals; four lanes at a time on a
 * fused multiply-add where relaxed SIMD has one); else TypeScript's.
 */
async function startDraws(): Promise<WasmDraws | undefined> {
  try {
    const asked = timeline.now();
    const url = relaxedSimdSupported() ? drawsRelaxedUrl : drawsUrl;
    const draws = new WasmDraws(await WebAssembly.compileStreaming(fetch(url)));
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
const scope = self as unknown as DedicatedWorkerGlobalScope;
// The page's link, when the page started on it (worker-name.ts); a link the peek is not sure of
// prepares nothing: the page's first run computes it all.
const link = linkOfWorkerName(scope.name);
const prepared = link === null ? null : timeline.time('link-peek', () => peekGpt2Link(link));
const draws = startDraws();
// The kernels' helper threads first (a worker took ~0.4 s to start here), then their compile;
// the prepare waits for both, and the warm-up, before it draws: the compile is fed on this
// thread's turns, and behind the tables' drawing it took ~0.9 s instead of a few tens of ms.
const helpers = prestartHelpers();
const kernelsAsked = timeline.now();
const kernels = compileKernels();
kernels.then(() => timeline.record('kernels-compile', kernelsAsked)).catch(() => {}); // startLayer says it
const layer = startLayer();
const session = new Gpt2Session(layer, timeline, draws);

/** One request at a time, in order: a run must not start while the prepare of its text computes. */
let queue: Promise<void> = prepared
  ? layer
      // A failure here is the first run's to report: it computes the same text again.
      .then(() => session.prepare(prepared.text, prepared.seed))
      .catch(() => {})
  : Promise.resolve();

async function answer(req: ClientRequest): Promise<void> {
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

scope.addEventListener('message', (event: MessageEvent<ClientRequest>) => {
  queue = queue.then(() => answer(event.data));
});
