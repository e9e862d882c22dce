import { useCallback, useEffect, useRef, useState } from 'react';
import { RaceClient } from '../../src/race/client.ts';
import type { ImplId } from '../../src/race/implementations.ts';
import type { RaceResponse, RaceRow } from '../../src/race/protocol.ts';

export type RaceStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface RaceState {
  status: RaceStatus;
  /** Why each runner cannot run here (null: it can); null until the worker has answered. */
  reasons: Record<ImplId, string | null> | null;
  threads: number;
  peak: { gflops: number; how: string } | null;
  rows: RaceRow[];
  done: number;
  total: number;
  error: string | null;
}

const IDLE: RaceState = {
  status: 'idle',
  reasons: null,
  threads: 1,
  peak: null,
  rows: [],
  done: 0,
  total: 0,
  error: null,
};

function reduce(s: RaceState, m: RaceResponse): RaceState {
  switch (m.kind) {
    case 'available':
      return { ...s, reasons: m.reasons, threads: m.threads };
    case 'peak':
      return { ...s, peak: { gflops: m.gflops, how: m.how } };
    case 'started':
      return { ...s, total: m.total };
    case 'row':
      return { ...s, rows: [...s.rows, m.row], done: m.done, total: m.total };
    case 'done':
      return { ...s, status: 'done' };
    case 'error':
      return { ...s, status: 'failed', error: m.message };
  }
}

/** Runs races in the step's worker; the page stays responsive, Cancel stops at once. */
export function useRace() {
  const client = useRef<RaceClient | null>(null);
  const [state, setState] = useState<RaceState>(IDLE);

  useEffect(() => {
    const spawn = () =>
      new Worker(new URL('../../src/race/worker.ts', import.meta.url), { type: 'module' });
    const c = new RaceClient(spawn, (m) => setState((s) => reduce(s, m)));
    client.current = c;
    return () => {
      client.current = null;
      c.dispose();
    };
  }, []);

  const start = useCallback((sizes: number[], d: number, impls: ImplId[]) => {
    const total = new Set(sizes).size * impls.length;
    setState((s) => ({
      ...IDLE,
      reasons: s.reasons,
      threads: s.threads,
      status: 'running',
      total,
    }));
    client.current?.run({ kind: 'run', sizes, d, impls });
  }, []);

  const cancel = useCallback(() => {
    client.current?.cancel();
    setState((s) => (s.status === 'running' ? { ...s, status: 'cancelled' } : s));
  }, []);

  return { state, start, cancel };
}
