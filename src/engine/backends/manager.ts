import type { AttentionConfig } from '../config.ts';
import type { Trace } from '../trace.ts';
import type { Fallback } from '../worker/protocol.ts';
import type { Backend } from './backend.ts';
import { BACKENDS, type BackendChoice, type BackendName } from './choice.ts';
import { referenceBackend } from './reference-backend.ts';
import { SpeedLog } from './speed-log.ts';

export interface Computed {
  trace: Trace;
  backend: BackendName;
  label: string;
  ms: number;
}

/**
 * Holds the backends that work in this session and picks one per request. A backend that fails
 * (no adapter, session creation failed, device lost) is removed with its reason recorded, and
 * the request is retried on the next one in BACKENDS, so the learner's view never breaks.
 */
export class BackendManager {
  private readonly backends = new Map<BackendName, Backend>([['reference', referenceBackend]]);
  readonly fallbacks: Fallback[] = [];
  private readonly speeds = new SpeedLog();

  constructor(private readonly now: () => number = () => performance.now()) {}

  add(backend: Backend): void {
    this.backends.set(backend.name, backend);
  }

  /** Records that `name` cannot be used, e.g. after a failed probe. */
  unavailable(name: BackendName, reason: string): void {
    this.backends.delete(name);
    this.fallbacks.push({ backend: name, reason });
  }

  available(): BackendName[] {
    return BACKENDS.filter((name) => this.backends.has(name));
  }

  labels(): Partial<Record<BackendName, string>> {
    return Object.fromEntries([...this.backends].map(([name, b]) => [name, b.describe]));
  }

  get(name: BackendName): Backend | undefined {
    return this.backends.get(name);
  }

  /** The available backends that can compute this config (the kernels skip some variants). */
  private usable(config: AttentionConfig): BackendName[] {
    return this.available().filter((name) => this.backends.get(name)?.supports?.(config) ?? true);
  }

  /**
   * The backend a choice resolves to now: a forced one if it works (else the policy's first);
   * `auto`, the fastest measured at this size, the reference engine before any is measured.
   */
  pick(choice: BackendChoice, config: AttentionConfig): BackendName {
    // Gradients and training run on the reference engine only.
    if (config.target) return 'reference';
    const usable = this.usable(config);
    if (choice !== 'auto') return usable.includes(choice) ? choice : usable[0];
    return this.speeds.fastest(SpeedLog.sizeClass(config), usable) ?? 'reference';
  }

  async compute(config: AttentionConfig, choice: BackendChoice): Promise<Computed> {
    for (;;) {
      const name = this.pick(choice, config);
      const result = await this.timed(name, config);
      if (result) return result;
    }
  }

  /**
   * Measures one backend `auto` is unsure about at this size (never measured, or a loser not
   * measured for a while), discarding its result; the worker calls it when idle. Returns the
   * backend measured, or null when there is nothing to measure.
   */
  async explore(config: AttentionConfig): Promise<BackendName | null> {
    const candidates = this.usable(config).filter((n) => !this.backends.get(n)?.emulated);
    const name = this.speeds.toMeasure(SpeedLog.sizeClass(config), candidates, this.now());
    if (name) await this.timed(name, config);
    return name;
  }

  /** Runs and times one backend; on failure drops it and returns null (a bad config throws). */
  private async timed(name: BackendName, config: AttentionConfig): Promise<Computed | null> {
    const backend = this.backends.get(name) as Backend;
    const start = this.now();
    try {
      const trace = await backend.run(config);
      const ms = this.now() - start;
      this.speeds.record(SpeedLog.sizeClass(config), name, ms, this.now());
      return { trace, backend: name, label: backend.describe, ms };
    } catch (e) {
      if (name === 'reference') throw e; // a bad config, not a backend problem
      this.unavailable(name, `${name}: ${(e as Error).message} (fell back)`);
      return null;
    }
  }
}
