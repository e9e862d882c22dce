import type { AttentionConfig } from '../config.ts';
import type { Trace } from '../trace.ts';
import type { BackendName } from './choice.ts';

/** Something that computes a full trace for a resolved config. */
export interface Backend {
  readonly name: BackendName;
  /** What the badge says, e.g. "WASM, 2 threads" or "WebGPU on SwiftShader (CPU emulation)". */
  readonly describe: string;
  /**
   * A GPU emulated on the CPU (SwiftShader): never faster than the CPU backends, so `auto` does
   * not spend the learner's CPU measuring it; forcing it still works.
   */
  readonly emulated?: boolean;
  run(config: AttentionConfig): Promise<Trace>;
  /** False for configs this backend leaves to others (absent: it computes every config). */
  supports?(config: AttentionConfig): boolean;
  /** Test hook for WebGPU: destroy the device as if the GPU were lost. */
  loseDevice?(): Promise<void>;
}

/** Thrown by a backend that can no longer be used this session (device lost, session failed). */
export class BackendFailure extends Error {
  constructor(
    readonly backend: BackendName,
    reason: string,
  ) {
    super(reason);
    this.name = 'BackendFailure';
  }
}
