/**
 * `npm run bench`: median milliseconds per causal `mha` forward pass in headless Chromium on the
 * production build — reference TypeScript, ORT-wasm on 1 and on all threads, ORT-webgpu, our
 * WASM SIMD kernels (FMA and plain, 1 and all threads) — and,
 * in the same run, PyTorch CPU with the same thread counts as the baseline. Prints a table, or
 * with `--json` a JSON array of rows. Options: --runs N (default 10), --no-build, --quick (skip
 * T=1024 on the reference engine and on WebGPU, the two slow ones here), --only NAME[,NAME…] (only
 * the browser backends whose label contains a NAME, e.g. `--only kernels,ORT-wasm`; `latency`
 * and `gpt2-step` name the edit → paint rows, `first-paint` the app's cold load → first paint;
 * `--only first-paint` runs that row alone, without the PyTorch and training rows).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { chromium } from '@playwright/test';
import { BENCH_CASES, type BenchCase, flopsOf } from '../../src/bench/cases.ts';
import type { ThroughputRequest, ThroughputResult } from '../../src/bench/throughput-worker.ts';
import { chromiumLaunch } from '../chromium.ts';
import { firstPaintColdLoad } from './first-paint.ts';
import { appLatency, gpt2ColdLoad, gpt2Latency, type LatencyRow, layerLatency } from './latency.ts';
import { formatLatency, formatTable } from './table.ts';
import { type TorchResult, torchBaseline } from './torch-baseline.ts';
import { formatTraining, trainingThroughput } from './training.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
const runs = Number(args[args.indexOf('--runs') + 1]) || 10;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : [''];
const wanted = (label: string) => only.some((o) => label.includes(o));
/** `--only first-paint`: the cold-load rows alone (about a minute). */
const firstPaintOnly = only.every((o) => o !== '' && 'first-paint'.includes(o));
const threads = cpus().length;
const PORT = Number(process.env.BENCH_PORT ?? 4179);
const say = (line: string) => process.stderr.write(`${line}\n`);

export interface BenchRow {
  config: string;
  backend: string;
  threads: number;
  median_ms: number | null;
  runs: number;
  torch_ms: number | null;
  ratio_vs_torch: number | null;
  /** Against ORT-web WASM with the same thread count, in the same run. */
  ratio_vs_ort: number | null;
  gflops: number | null;
  /** The kernels' phases: projections (q, k, v), attention (q·kᵀ, softmax, ·v), out_proj. */
  gflops_phases: { projections: number; attention: number; out_proj: number } | null;
  max_abs_diff: number | null;
  note: string;
}

interface Setup {
  backend: ThroughputRequest['backend'];
  threads: number;
  build?: ThroughputRequest['build'];
  label: string;
  skip?: (c: BenchCase) => boolean;
}

const slow = (c: BenchCase) => quick && c.T >= 1024;
const SETUPS: Setup[] = [
  { backend: 'reference', threads: 1, label: 'reference TS', skip: slow },
  { backend: 'wasm', threads: 1, label: 'ORT-wasm 1 thread' },
  { backend: 'wasm', threads, label: `ORT-wasm ${threads} threads` },
  { backend: 'webgpu', threads, label: 'ORT-webgpu', skip: slow },
  { backend: 'kernel', threads: 1, build: 'relaxed', label: 'kernels FMA 1 thread' },
  { backend: 'kernel', threads, build: 'relaxed', label: `kernels FMA ${threads} threads` },
  { backend: 'kernel', threads: 1, build: 'plain', label: 'kernels plain 1 thread' },
  { backend: 'kernel', threads, build: 'plain', label: `kernels plain ${threads} threads` },
];

async function waitFor(url: string, seconds: number): Promise<void> {
  for (let i = 0; i < seconds * 10; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

interface Measured {
  throughput: { setup: Setup; results: ThroughputResult[] }[];
  latency: LatencyRow[];
}

async function measureInBrowser(): Promise<Measured> {
  const server = spawn(
    'node_modules/.bin/vite',
    ['preview', '--port', String(PORT), '--strictPort'],
    {
      stdio: 'ignore',
    },
  );
  const browser = await chromium.launch(chromiumLaunch(true));
  try {
    await waitFor(`http://localhost:${PORT}/bench.html`, 30);
    const out = [];
    for (const setup of SETUPS.filter((s) => wanted(s.label))) {
      const page = await browser.newPage();
      await page.goto(`http://localhost:${PORT}/bench.html`);
      const cases = BENCH_CASES.filter((c) => !setup.skip?.(c));
      say(`bench: ${setup.label} on ${cases.length} sizes…`);
      const request: ThroughputRequest = {
        backend: setup.backend,
        threads: setup.threads,
        ...(setup.build ? { build: setup.build } : {}),
        cases,
        runs,
        warmup: 2,
      };
      try {
        const results = await page.evaluate((r) => window.attentionLabBench.throughput(r), request);
        out.push({ setup, results });
      } catch (e) {
        say(`bench: ${setup.label} failed: ${(e as Error).message.split('\n')[0]}`);
        out.push({ setup, results: [] });
      }
      await page.close();
    }
    const base = `http://localhost:${PORT}`;
    const latency: LatencyRow[] = [];
    if (only.some((o) => 'latency'.includes(o))) {
      say('bench: edit → paint latency in the app (book size)…');
      latency.push(await appLatency(browser, base, 30));
      for (const backend of ['auto', 'wasm'] as const) {
        say(`bench: edit → paint latency, GPT-2 layer, ${backend}…`);
        latency.push(await layerLatency(browser, base, 15, backend));
      }
    }
    if (only.some((o) => 'gpt2-step'.includes(o))) {
      say('bench: edit → paint in the GPT-2 step, T=256…');
      latency.push(await gpt2Latency(browser, base, 256, 40, false));
      say('bench: edit → paint in the GPT-2 step, T=1024, 50 edits, then the heap…');
      latency.push(await gpt2Latency(browser, base, 1024, 50, true));
      say('bench: cold load → first paint in the GPT-2 step, T=1024…');
      latency.push(await gpt2ColdLoad(browser, base, 1024, 5));
    }
    if (only.some((o) => 'first-paint'.includes(o))) {
      say('bench: app cold load → first paint at §3.3.1…');
      latency.push(...(await firstPaintColdLoad(browser, base, Math.max(7, runs))));
    }
    return { throughput: out, latency };
  } finally {
    await browser.close();
    server.kill();
  }
}

/** GFLOP/s of each phase (dense-counted, as flopsOf). */
function phaseGflops(c: BenchCase, ms: number[]): BenchRow['gflops_phases'] {
  const rate = (flops: number, t: number) => flops / t / 1e6;
  return {
    projections: rate(6 * c.T * c.d_in * c.d_out, ms[0]),
    attention: rate(4 * c.T * c.T * c.d_out, ms[1]),
    out_proj: rate(2 * c.T * c.d_out * c.d_out, ms[2]),
  };
}

function rows(measured: Measured['throughput'], torch: TorchResult[] | string): BenchRow[] {
  const torchMs = (c: BenchCase, t: number) =>
    typeof torch === 'string'
      ? null
      : (torch.find((r) => r.name === c.name && r.threads === t)?.median_ms ?? null);
  const ortMs = (c: BenchCase, t: number) =>
    measured
      .find(({ setup }) => setup.backend === 'wasm' && setup.threads === t)
      ?.results.find((x) => x.case === c.name)?.median_ms ?? null;
  const out: BenchRow[] = [];
  for (const c of BENCH_CASES) {
    for (const t of [1, threads]) {
      const ms = torchMs(c, t);
      out.push({
        config: c.name,
        backend: `PyTorch CPU ${t} thread${t === 1 ? '' : 's'}`,
        threads: t,
        median_ms: ms,
        runs,
        torch_ms: ms,
        ratio_vs_torch: ms === null ? null : 1,
        ratio_vs_ort: null,
        gflops: ms === null ? null : flopsOf(c) / ms / 1e6,
        gflops_phases: null,
        max_abs_diff: null,
        note: typeof torch === 'string' ? torch : `baseline (${(torch[0] as TorchResult).blas})`,
      });
    }
    for (const { setup, results } of measured) {
      const r = results.find((x) => x.case === c.name);
      const base = torchMs(c, setup.threads);
      const ort = ortMs(c, setup.threads);
      const skipped = setup.skip?.(c);
      out.push({
        config: c.name,
        backend: setup.label,
        threads: setup.threads,
        median_ms: r?.median_ms ?? null,
        runs: r?.runs ?? 0,
        torch_ms: base,
        ratio_vs_torch: r && base ? r.median_ms / base : null,
        ratio_vs_ort: r && ort ? r.median_ms / ort : null,
        gflops: r ? flopsOf(c) / r.median_ms / 1e6 : null,
        gflops_phases: r?.phases_ms ? phaseGflops(c, r.phases_ms) : null,
        max_abs_diff: r?.max_abs_diff ?? null,
        note: skipped ? 'skipped (--quick)' : !r ? 'failed' : (r.adapter ?? ''),
      });
    }
  }
  return out;
}

async function main(): Promise<void> {
  if (!args.includes('--no-build')) {
    say('bench: vite build…');
    const build = spawnSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], {
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  const measured = await measureInBrowser();
  let table: BenchRow[] = [];
  let training: ReturnType<typeof trainingThroughput> = [];
  if (!firstPaintOnly) {
    say('bench: PyTorch baseline…');
    const torch = torchBaseline(BENCH_CASES, [1, threads], runs);
    table = rows(measured.throughput, torch);
    say('bench: training steps per second…');
    training = trainingThroughput();
  }
  if (json) {
    const latency = measured.latency.map((l) => ({
      kind: 'latency',
      ...l,
      median_ms: l.p50_ms,
      ratio_vs_torch: null,
    }));
    const all = [...table.map((r) => ({ kind: 'forward', ...r })), ...latency, ...training];
    process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
  } else
    process.stdout.write(
      (table.length ? formatTable(table, threads) : '') +
        formatLatency(measured.latency) +
        (training.length ? formatTraining(training) : ''),
    );
}

main().catch((e) => {
  process.stderr.write(`bench: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
