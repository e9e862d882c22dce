import type { Trace } from '../trace.ts';

/** The traces' tensor buffers, moved rather than copied between threads (each listed once). */
export function traceBuffers(traces: Trace[]): Transferable[] {
  const out = new Set<ArrayBufferLike>();
  for (const trace of traces) {
    for (const value of Object.values(trace)) {
      if (value && typeof value === 'object' && 'data' in value) out.add(value.data.buffer);
    }
  }
  return [...out] as Transferable[];
}
