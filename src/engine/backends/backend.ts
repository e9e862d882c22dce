import type { AttentionConfig } from '../config.ts';
import type { Trace } from '../trace.ts';
import type { BackendName } from './choice.ts';

/** Something that computes a full trace for a resolved config. */
export interface Backend {
  readonly name: BackendName;
  /** What the badge says, e.g. "WASM, 2 threads" or "WebGPU on SwiftShader (CPU emulation)". */
  readonly describe: string;
  run(config: AttentionConfig): Promise<Trace>;
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
