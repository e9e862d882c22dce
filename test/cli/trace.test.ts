import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import book from '../fixtures/book.json' with { type: 'json' };

/** Runs `npm run --silent trace` the way a person would, with `stdin` piped in. */
function trace(stdin: string) {
  const r = spawnSync('npm', ['run', '--silent', 'trace'], { input: stdin, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run --silent trace', { timeout: 60_000 }, () => {
  it("prints the oracle's trace for the book's mha, in the oracle's schema", () => {
    const r = trace('{"variant": "mha"}');
    expect(r.status).toBe(0);
    const got = JSON.parse(r.stdout);
    const want = book.book.find(
      (t) => t.config.variant === 'mha' && !t.config.training && t.config.batch === 1,
    );
    expect(Object.keys(got)).toEqual(Object.keys(want as object));
    expect(got.config).toEqual(want?.config);
    expect(got.params).toEqual(want?.params);
    // Python's json.dumps formatting, so `diff` against torch_oracle.py works
    expect(r.stdout.startsWith('{"config": {"variant": "mha", "tokens": ["Your", "journey"')).toBe(
      true,
    );
    expect(r.stdout).toContain('"masked_scores": [[[[');
    expect(r.stdout).toContain('"-inf"');
    expect(r.stdout).toContain('"dropout": 0.0, "training": false, "batch": 1}');
    expect(r.stdout.endsWith('\n')).toBe(true);
  });

  it('takes an array of configs and prints an array of traces', () => {
    const r = trace('[{"variant": "simple"}, {"variant": "v2", "seed": 789}]');
    expect(r.status).toBe(0);
    const got = JSON.parse(r.stdout);
    expect(got).toHaveLength(2);
    // PyTorch's values (book.json, v2 seed 789); the book prints [-0.0739, 0.0713]
    expect(got[1].output[0][0]).toEqual(
      [-0.07389025390148163, 0.07128991186618805].map((x) => expect.closeTo(x, 6)),
    );
  });

  it('rejects a bad config on stderr with exit code 1', () => {
    const r = trace('{"variant": "mha", "d_out": 5, "num_heads": 2}');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('num_heads: d_out (5) must be divisible by num_heads (2)');
    const inArray = trace('[{"variant": "v1"}, {"dropout": 1}]');
    expect(inArray.status).toBe(1);
    expect(inArray.stderr).toContain('config 1: dropout');
    expect(trace('not json').stderr).toContain('stdin is not JSON');
  });
});
