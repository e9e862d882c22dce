/**
 * The benchmark page's entry (bench.html): exposes `window.attentionLabBench` for the runner
 * (scripts/bench/bench.ts), which calls it through Playwright. Each call runs in a fresh worker.
 */
import { EngineSession } from '../../src/bench/engine-session.ts';
import type { ThroughputRequest, ThroughputResult } from '../../src/bench/throughput-worker.ts';

function log(line: string): void {
  const el = document.getElementById('log');
  if (el) el.textContent += `${line}\n`;
}

function throughput(request: ThroughputRequest): Promise<ThroughputResult[]> {
  const worker = new Worker(new URL('../../src/bench/throughput-worker.ts', import.meta.url), {
    type: 'module',
  });
  log(
    `${request.backend}, ${request.threads} thread(s): ${request.cases.map((c) => c.name).join(', ')}`,
  );
  return new Promise((resolve, reject) => {
    worker.addEventListener('message', (event) => {
      worker.terminate();
      const data = event.data as { ok: boolean; results?: ThroughputResult[]; error?: string };
      if (data.ok && data.results) {
        for (const r of data.results) log(`  ${r.case}: ${r.median_ms.toFixed(2)} ms`);
        resolve(data.results);
      } else reject(new Error(data.error ?? 'benchmark worker failed'));
    });
    worker.addEventListener('error', (e) => reject(new Error(e.message)));
    worker.postMessage(request);
  });
}

let session: EngineSession | null = null;
/** The app's engine worker, started on first use and kept for the page's life. */
const engine = () => {
  session ??= new EngineSession();
  return session;
};

const bench = {
  throughput,
  crossOriginIsolated: self.crossOriginIsolated,
  /** Traces (oracle JSON schema) from the app's worker on a forced backend. */
  traces: (...args: Parameters<EngineSession['run']>) => engine().run(...args),
  /** Makes the worker's WebGPU device get lost (test of the fallback). */
  loseDevice: () => engine().loseDevice(),
};

declare global {
  interface Window {
    attentionLabBench: typeof bench;
  }
}

window.attentionLabBench = bench;
