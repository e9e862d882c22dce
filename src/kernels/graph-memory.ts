/**
 * Scratch space for the graph ops in one kernel instance's memory: each op copies its operands
 * in, runs the kernels and copies the result out, so allocation is a bump pointer that every op
 * resets. Views are made afresh after each allocation (growing a plain memory detaches them).
 */
import type { KernelExports } from './exports.ts';
import { align } from './phases.ts';
import { CTRL_BYTES } from './plan.ts';

export class KernelArena {
  private next = CTRL_BYTES;

  constructor(
    readonly ex: KernelExports,
    private readonly memory: WebAssembly.Memory,
  ) {}

  /** Forgets every allocation: the start of an op. */
  reset(): void {
    this.next = CTRL_BYTES;
  }

  /** Byte offset of room for `floats` floats (left as they were), 64-byte aligned. */
  alloc(floats: number): number {
    const at = this.next;
    this.next += align(floats * 4);
    const have = this.memory.buffer.byteLength;
    if (this.next > have) this.memory.grow(Math.ceil((this.next - have) / 65536));
    return at;
  }

  /** Copies `data` in (rounded to float32), zero-padded to `floats` when longer. */
  put(data: Float32Array | Float64Array, floats = data.length): number {
    const at = this.alloc(floats);
    const view = this.f32(at, floats);
    view.set(data);
    view.fill(0, data.length);
    return at;
  }

  /** Copies `data` [rows, cols] in as its transpose [cols, rows]. */
  putTransposed(data: Float32Array | Float64Array, rows: number, cols: number): number {
    const at = this.alloc(rows * cols);
    const view = this.f32(at, rows * cols);
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++) view[j * rows + i] = data[i * cols + j];
    return at;
  }

  f32(at: number, floats: number): Float32Array {
    return new Float32Array(this.memory.buffer, at, floats);
  }
}
