import { spawnSync } from 'node:child_process';
import type { BenchCase } from '../../src/bench/cases.ts';

export interface TorchResult {
  name: string;
  threads: number;
  median_ms: number;
  blas: string;
}

/**
 * Runs scripts/bench/torch-baseline.py (the chapter's MultiHeadAttention in PyTorch) for every case and
 * thread count, or returns why it could not: PyTorch missing, or without OpenBLAS (Debian's
 * default reference BLAS is ~20× slower and no fair baseline).
 */
export function torchBaseline(
  cases: BenchCase[],
  threads: number[],
  runs: number,
): TorchResult[] | string {
  const input = cases.flatMap((c) =>
    threads.map((t) => ({
      name: c.name,
      T: c.T,
      d: c.d_in,
      d_out: c.d_out,
      heads: c.heads,
      threads: t,
      runs,
    })),
  );
  const r = spawnSync('/usr/bin/python3', ['scripts/bench/torch-baseline.py'], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.error || r.status !== 0) {
    const why = r.error?.message ?? r.stderr.trim().split('\n').pop();
    return `PyTorch not measured (${why}); install: apt-get install -y python3-torch libopenblas0-pthread`;
  }
  const results = JSON.parse(r.stdout) as TorchResult[];
  if (results[0]?.blas !== 'OpenBLAS') {
    return `PyTorch uses ${results[0]?.blas}, not OpenBLAS: no fair baseline; apt-get install -y libopenblas0-pthread`;
  }
  return results;
}
