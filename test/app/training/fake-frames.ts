import { afterEach, beforeEach, vi } from 'vitest';

/**
 * Animation frames the test draws by hand: requestAnimationFrame only queues; `frame()` runs what
 * was queued, as the browser does when it draws a frame; `waiting()` counts the callbacks queued.
 */
export function fakeFrames(): { frame(): void; waiting(): number } {
  let frames: (() => void)[] = [];
  beforeEach(() => {
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
  });
  afterEach(() => vi.unstubAllGlobals());
  return {
    frame() {
      const due = frames;
      frames = [];
      for (const f of due) f();
    },
    waiting: () => frames.length,
  };
}
