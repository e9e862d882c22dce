/// <reference lib="webworker" />
/**
 * The race's own worker: it probes which runners exist here, measures the kernels' peak, then
 * times every runner; the page only draws. Cancel terminates this worker (and the kernel threads
 * it started), so it stops mid-measurement.
 */
import { startBrowserTeam, threadCount } from '../kernels/browser-team.ts';
import { bestBuild } from '../kernels/exports.ts';
import { availability, makeBrowserRunner } from './browser-runners.ts';
import { measurePeak } from './peak.ts';
import type { RaceRequest, RaceResponse } from './protocol.ts';
import { runRace } from './session.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: RaceResponse) => scope.postMessage(message);

scope.addEventListener('message', async (event: MessageEvent<RaceRequest>) => {
  const req = event.data;
  try {
    const available = await availability();
    if (req.kind === 'probe') {
      post(available);
      return;
    }
    await postPeak();
    await runRace(req, { makeRunner: makeBrowserRunner, reasons: available.reasons, post });
  } catch (e) {
    post({ kind: 'error', message: (e as Error).message });
  }
});

/** The peak, when the kernels start here (else the page says it was not measured). */
async function postPeak(): Promise<void> {
  try {
    const team = await startBrowserTeam(threadCount(), bestBuild());
    try {
      post({ kind: 'peak', ...measurePeak(team) });
    } finally {
      team.stop();
    }
  } catch {
    // No kernels here: GFLOP/s are still shown, only not as a share of a peak.
  }
}
