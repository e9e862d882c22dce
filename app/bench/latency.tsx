/**
 * bench.html's second entry: `window.attentionLabLatency.run(request)` mounts LatencyBench and
 * resolves with the edit-to-paint durations once it has made `request.edits` edits.
 */
import { createRoot } from 'react-dom/client';
import { LatencyBench, type LatencyRequest, type LatencyRun } from './LatencyBench.tsx';

function run(request: LatencyRequest): Promise<LatencyRun> {
  const host = document.getElementById('latency') as HTMLElement;
  const root = createRoot(host);
  return new Promise((resolve) => {
    root.render(
      <LatencyBench
        request={request}
        done={(result) => {
          root.unmount();
          resolve(result);
        }}
      />,
    );
  });
}

declare global {
  interface Window {
    attentionLabLatency: { run: typeof run };
  }
}

window.attentionLabLatency = { run };
