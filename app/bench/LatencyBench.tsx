import { useEffect, useMemo, useRef, useState } from 'react';
import type { BackendChoice } from '../../src/chapter/view.ts';
import type { AttentionConfigInput } from '../../src/engine/config.ts';
import type { Trace } from '../../src/engine/trace.ts';
import { EngineClient } from '../../src/engine/worker/client.ts';
import type { ComputeResult } from '../../src/engine/worker/protocol.ts';
import { TorchGenerator } from '../../src/rng/index.ts';
import { HeatmapCanvas } from '../heatmap/HeatmapCanvas.tsx';

/** What one latency run asks for: the GPT-2-small attention layer of `npm run bench`. */
export interface LatencyRequest {
  T: number;
  d: number;
  heads: number;
  edits: number;
  backend: BackendChoice;
}

export interface LatencyRun {
  durations: number[];
  backends: string[];
}

/**
 * The page's update path at sizes the explainer's editor cannot hold: an edit of one embedding
 * value goes to the app's engine worker (latest wins), the traces come back, and every head's
 * attention weights are drawn as the app draws large heatmaps (HeatmapCanvas). `edit` is marked
 * when the value changes and `painted` once React has committed the new heatmaps, as the app does.
 */
export function LatencyBench({
  request,
  done,
}: {
  request: LatencyRequest;
  done(run: LatencyRun): void;
}) {
  const [result, setResult] = useState<ComputeResult | null>(null);
  const sent = useRef(0);
  /** Results since ONNX Runtime reported in; the first two after it only warm its session up. */
  const sinceReady = useRef(-1);
  const [ready, setReady] = useState(false);
  const run = useRef<LatencyRun>({ durations: [], backends: [] });
  const x = useMemo(() => new TorchGenerator(1).rand(request.T * request.d), [request]);
  const client = useMemo(() => {
    const worker = new Worker(new URL('../../src/engine/worker/worker.ts', import.meta.url), {
      type: 'module',
    });
    return new EngineClient(worker, {
      onResult: setResult,
      onError: (e) => console.error(e.message),
      onStatus: () => {
        sinceReady.current = 0;
        setReady(true);
      },
    });
  }, []);

  /** One edit: nudge one embedding value and ask for the layer's trace again. */
  const edit = () => {
    x[0] += 1e-3;
    const embeddings = Array.from({ length: request.T }, (_, i) =>
      Array.from(x.subarray(i * request.d, (i + 1) * request.d)),
    );
    const config: AttentionConfigInput = {
      variant: 'mha',
      embeddings,
      d_out: request.d,
      num_heads: request.heads,
      causal: true,
    };
    performance.mark('edit');
    sent.current++;
    client.compute([config], request.backend);
  };

  // The first frame, then no edits until ONNX Runtime has loaded: a learner's first edit comes
  // long after the page opened, and a worker kept busy by back-to-back reference computations
  // at this size (~0.5 s each) starves ORT's start-up.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once at start, once when ready
  useEffect(() => edit(), [ready]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per new result, by design
  useEffect(() => {
    if (!result) return;
    performance.mark('painted');
    const m = performance.measure('edit-to-paint', 'edit', 'painted');
    // Edits before ORT is up (reference engine) and the first two after (session creation,
    // auto's first measurements) are warm-up, not counted.
    if (sinceReady.current >= 0 && sinceReady.current++ >= 2) {
      run.current.durations.push(m.duration);
      run.current.backends.push(result.backend);
    }
    if (!ready) return;
    if (run.current.durations.length < request.edits) edit();
    else {
      client.dispose();
      done(run.current);
    }
  }, [result]);

  if (!result) return <p>Computing the first frame…</p>;
  const trace: Trace = result.traces[0];
  const [, h, t] = trace.attn_weights.shape;
  const labels = Array.from({ length: t }, (_, i) => `t${i}`);
  return (
    <div className="latency-heads">
      {Array.from({ length: h }, (_, head) => `head ${head + 1}`).map((name, head) => (
        <HeatmapCanvas
          key={name}
          values={trace.attn_weights.data.subarray(head * t * t, (head + 1) * t * t)}
          rows={labels}
          cols={labels}
          label={`attention weights, ${name}`}
        />
      ))}
    </div>
  );
}
