/**
 * Touching a shared memory's pages ahead of a pass, from a thread that is otherwise idle: the
 * first write to each 4 KiB page costs a page fault, and on some machines faults are slow enough
 * (~10 µs) that a GPT-2-sized pass's ~130 MB took longer to fault in than to compute.
 * A compare-exchange of 0 for 0 is a write to the page that never changes a value, so it is safe
 * while another thread computes in the same memory.
 */
const PAGE = 4096;

export function prefault(memory: WebAssembly.Memory, from: number, to: number): void {
  const words = new Int32Array(memory.buffer);
  const end = Math.min(to, words.byteLength);
  for (let at = Math.floor(from / PAGE) * PAGE; at < end; at += PAGE)
    Atomics.compareExchange(words, at >> 2, 0, 0);
}

/** What the kernels' host asks a prefaulting thread: touch [from, to) of this memory. */
export interface PrefaultRequest {
  memory: WebAssembly.Memory;
  from: number;
  to: number;
}

/** Touches pages of a shared memory on a thread of its own; resolves when they are touched. */
export type Prefaulter = (from: number, to: number) => Promise<void>;
