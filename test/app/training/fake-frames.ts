import { afterEach, beforeEach, vi } from 'vitest';

/**
 * Animation frames the test draws by hand: requestAnimationFrame only queues; `frame()` runs what
 * was queued, as the browser does when it draws a frame, then the timers those callbacks set (the
 * tasks that run once the frame is drawn); `waiting()` counts the frame callbacks queued.
 */
export function fakeFrames(): { frame(): void; waiting(): number } {
  let frames: (() => void)[] = [];
  let afterFrame: (() => void)[] = [];
  beforeEach(() => {
    frames = [];
    afterFrame = [];
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
  });
  afterEach(() => vi.unstubAllGlobals());
  return {
    frame() {
      const due = frames;
      frames = [];
      const timer = globalThis.setTimeout;
      vi.stubGlobal('setTimeout', (f: () => void) => afterFrame.push(f));
      try {
        for (const f of due) f();
      } finally {
        vi.stubGlobal('setTimeout', timer);
      }
      const after = afterFrame;
      afterFrame = [];
      for (const f of after) f();
    },
    waiting: () => frames.length,
  };
}
