import type * as Ort from 'onnxruntime-web';

/** The onnxruntime-web module, passed in so Node tests and the worker can bring their own bundle. */
export type OrtModule = typeof Ort;
export type OrtSession = Ort.InferenceSession;
export type OrtSessionOptions = Ort.InferenceSession.SessionOptions;

/**
 * Sessions by graph key, least recently used evicted first. Creating one costs a graph build
 * plus ORT's optimisation passes, so the page's repeated runs on the same shapes reuse it;
 * the bound keeps a learner who tries many token counts from piling up WASM memory.
 */
export class SessionCache {
  private readonly entries = new Map<string, Promise<OrtSession>>();

  constructor(
    private readonly ort: OrtModule,
    private readonly options: OrtSessionOptions,
    private readonly capacity = 8,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The session for `key`, building its model with `build` on a miss. */
  get(key: string, build: () => Uint8Array): Promise<OrtSession> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const created = this.ort.InferenceSession.create(build(), this.options);
    this.entries.set(key, created);
    // A failed creation must not stay cached: the next call retries.
    created.catch(() => {
      if (this.entries.get(key) === created) this.entries.delete(key);
    });
    while (this.entries.size > this.capacity) {
      const [oldest, session] = this.entries.entries().next().value as [
        string,
        Promise<OrtSession>,
      ];
      this.entries.delete(oldest);
      void release(session);
    }
    return created;
  }

  async clear(): Promise<void> {
    const all = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(all.map(release));
  }
}

async function release(session: Promise<OrtSession>): Promise<void> {
  try {
    await (await session).release();
  } catch {
    // Creation failed or already released: nothing to free.
  }
}
