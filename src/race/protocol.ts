/** The race's messages to and from its worker (src/race/worker.ts). */
import type { ImplId } from './implementations.ts';

export interface ProbeRequest {
  kind: 'probe';
}

export interface RunRequest {
  kind: 'run';
  sizes: number[];
  d: number;
  impls: ImplId[];
}

export type RaceRequest = ProbeRequest | RunRequest;

/** Which runners can run here: null, or the reason one cannot. */
export interface Availability {
  kind: 'available';
  reasons: Record<ImplId, string | null>;
  /** Threads "all threads" means here. */
  threads: number;
}

export interface PeakResult {
  kind: 'peak';
  gflops: number;
  /** How it was measured, in words. */
  how: string;
}

export interface MeasuredRow {
  impl: ImplId;
  T: number;
  d: number;
  heads: number;
  median_ms: number;
  runs: number;
  max_abs_diff: number;
  /** max |output of the reference|: max_abs_diff / scale is the relative error. */
  scale: number;
  gflops: number;
}

export interface SkippedRow {
  impl: ImplId;
  T: number;
  d: number;
  heads: number;
  skipped: string;
}

export type RaceRow = MeasuredRow | SkippedRow;

export interface RowResult {
  kind: 'row';
  row: RaceRow;
  done: number;
  total: number;
}

export interface Started {
  kind: 'started';
  total: number;
}

export interface Finished {
  kind: 'done';
}

export interface Failed {
  kind: 'error';
  message: string;
}

export type RaceResponse = Availability | PeakResult | Started | RowResult | Finished | Failed;

export function isMeasured(row: RaceRow): row is MeasuredRow {
  return !('skipped' in row);
}
