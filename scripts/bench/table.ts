import type { BenchRow } from './bench.ts';
import type { LatencyRow } from './latency.ts';

const fixed = (x: number | null, digits: number) => (x === null ? '—' : x.toFixed(digits));

function phases(r: BenchRow): string {
  const p = r.gflops_phases;
  if (!p) return '';
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');
  return `GFLOP/s proj ${f(p.projections)}, attn ${f(p.attention)}, out_proj ${f(p.out_proj)}`;
}

/** The benchmark as a plain-text table, grouped by size, each backend against PyTorch. */
export function formatTable(rows: BenchRow[], threads: number): string {
  const header = [
    'config',
    'backend',
    'median ms',
    'vs PyTorch',
    'vs ORT',
    'GFLOP/s',
    'max |Δ| vs ref',
    'note',
  ];
  const body = rows.map((r) => [
    r.config,
    r.backend,
    fixed(r.median_ms, r.median_ms !== null && r.median_ms < 1 ? 3 : 1),
    r.ratio_vs_torch === null ? '—' : `${r.ratio_vs_torch.toFixed(2)}×`,
    r.ratio_vs_ort === null ? '—' : `${r.ratio_vs_ort.toFixed(2)}×`,
    fixed(r.gflops, 2),
    r.max_abs_diff === null ? '' : r.max_abs_diff.toExponential(1),
    [r.note, phases(r)].filter(Boolean).join('; '),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i >= 2 && i <= 6 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ');
  const out = [line(header), line(widths.map((w) => '-'.repeat(w)))];
  let last = '';
  for (const row of body) {
    if (last && row[0] !== last) out.push('');
    out.push(line(row));
    last = row[0];
  }
  out.push(
    '',
    `Median of ${rows[0]?.runs ?? 0} runs after 2 warm-up runs, causal mha, no dropout, float32. "vs PyTorch" divides by`,
    `PyTorch CPU with the same thread count (${threads} = all cores), "vs ORT" by ORT-wasm with the same`,
    'thread count. GFLOP/s count the dense T×T work (the kernels skip the masked half).',
    'ORT rows use the blocked-causal output-only graph; reference TS computes the full trace.',
    'ORT-webgpu here is SwiftShader (a CPU emulation of a GPU): it tests the code path, not GPU speed.',
  );
  return `${out.join('\n')}\n`;
}

/** What a latency row measured besides the times: longest task, heap, bytes per edit. */
function extras(r: LatencyRow): string {
  const out: string[] = [];
  if (r.longest_task_ms != null) out.push(`longest task ${r.longest_task_ms.toFixed(0)} ms`);
  if (r.heap_mb != null) out.push(`heap after the edits ${r.heap_mb.toFixed(1)} MB`);
  if (r.bytes_per_edit != null) out.push(`${(r.bytes_per_edit / 1e3).toFixed(1)} kB sent per edit`);
  return out.join(', ');
}

/** The edit → paint latencies, p50 and p95 against the goals (one frame; 50 ms for a GPT-2 layer). */
export function formatLatency(rows: LatencyRow[]): string {
  if (rows.length === 0) return '';
  const header = ['edit → heatmap painted', 'backend', 'edits', 'p50 ms', 'p95 ms', 'goal', 'note'];
  const body = rows.map((r) => [
    r.config,
    r.backend,
    String(r.edits),
    r.p50_ms.toFixed(1),
    r.p95_ms.toFixed(1),
    `≤ ${r.goal_ms} ms ${goalWords(r)}`,
    [r.note, extras(r)].filter(Boolean).join('; '),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i >= 2 && i <= 4 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ');
  return `\n${[line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n')}\n`;
}

/** The goals are met when the slow edits meet them too (p95); p50 alone is said as such. */
function goalWords(r: LatencyRow): string {
  if (r.p95_ms <= r.goal_ms) return '(met at p95)';
  return r.p50_ms <= r.goal_ms ? '(met at p50 only)' : '(missed)';
}
