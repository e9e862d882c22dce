/**
 * The worker's one-time stretches on the clock every thread shares (ms since the epoch,
 * `performance.timeOrigin + now`), so the page can place them on its own timeline: the cold
 * load's breakdown (`npm run bench`'s GPT-2 cold-load row prints them). Drained by the next
 * run's result, so only the first run after a prepare carries them.
 */
export interface WorkerMark {
  name: string;
  /** Start, ms since the epoch. */
  at: number;
  ms: number;
}

const epochNow = () => performance.timeOrigin + performance.now();

export class Timeline {
  private marks: WorkerMark[] = [];

  /** Records `name` from `start` (an epoch time from `now()`) to now. */
  record(name: string, start: number): void {
    this.marks.push({ name, at: start, ms: epochNow() - start });
  }

  /** Times one synchronous stretch. */
  time<T>(name: string, work: () => T): T {
    const start = epochNow();
    const out = work();
    this.record(name, start);
    return out;
  }

  now(): number {
    return epochNow();
  }

  /** The marks so far, and forgets them. */
  drain(): WorkerMark[] {
    const out = this.marks;
    this.marks = [];
    return out;
  }
}
