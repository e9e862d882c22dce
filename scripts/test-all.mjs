#!/usr/bin/env node
// `npm test`: type-check, lint, build, unit tests, browser tests, then one closing line
// `N passed, N failed` totalled over vitest and Playwright (CI reads it; keep it last).
// A failed type-check, lint or build counts as one failure; so does a missing report.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const VITEST_REPORT = join(root, 'reports', 'vitest.json');
const PLAYWRIGHT_REPORT = join(root, 'reports', 'playwright.json');

mkdirSync(join(root, 'reports'), { recursive: true });
rmSync(VITEST_REPORT, { force: true });
rmSync(PLAYWRIGHT_REPORT, { force: true });

/** Runs one step with inherited stdio; returns { ok, seconds }. */
function run(label, command, args) {
  console.log(`\n▶ ${label}: ${[command.replace(`${root}/`, ''), ...args].join(' ')}`);
  const start = performance.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  const seconds = (performance.now() - start) / 1000;
  if (result.error) console.error(`${label}: ${result.error.message}`);
  const ok = result.status === 0 && !result.error;
  console.log(`${ok ? '✔' : '✘'} ${label} (${seconds.toFixed(1)} s)`);
  return { ok, seconds };
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** Vitest's JSON reporter is Jest-shaped: numPassedTests / numFailedTests. */
function vitestCounts(ok) {
  const report = readJson(VITEST_REPORT);
  if (!report) return { passed: 0, failed: 1, note: 'no vitest report' };
  const passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  // A suite that fails to load has no failed tests but must still count.
  const brokenSuites = (report.testResults ?? []).filter(
    (s) => s.status === 'failed' && !(s.assertionResults ?? []).some((a) => a.status === 'failed'),
  ).length;
  failed += brokenSuites;
  if (!ok && failed === 0) failed = 1;
  return { passed, failed };
}

/** Playwright's JSON reporter: stats.expected (passed), unexpected (failed), flaky (passed on retry). */
function playwrightCounts(ok) {
  const report = readJson(PLAYWRIGHT_REPORT);
  if (!report?.stats) return { passed: 0, failed: 1, note: 'no Playwright report' };
  const { expected = 0, unexpected = 0, flaky = 0 } = report.stats;
  let failed = unexpected;
  if (!ok && failed === 0) failed = 1; // e.g. the web server did not start
  return { passed: expected + flaky, failed };
}

const started = performance.now();
const rows = [];
let passed = 0;
let failed = 0;
const count = (label, p, f, note) => {
  passed += p;
  failed += f;
  rows.push({ label, passed: p, failed: f, note });
};

const typecheck = run('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
count('typecheck', 0, typecheck.ok ? 0 : 1);

const lint = run('lint', bin('biome'), ['check', '.']);
count('lint', 0, lint.ok ? 0 : 1);

const build = run('build', bin('vite'), ['build']);
count('build', 0, build.ok ? 0 : 1);

const unit = run('unit tests', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${VITEST_REPORT}`,
]);
const u = vitestCounts(unit.ok);
count('unit tests', u.passed, u.failed, u.note);

if (build.ok) {
  const browser = run('browser tests', bin('playwright'), ['test']);
  const b = playwrightCounts(browser.ok);
  count('browser tests', b.passed, b.failed, b.note);
} else {
  console.log('\n▶ browser tests: skipped, the build failed');
  count('browser tests', 0, 1, 'skipped: build failed');
}

const total = ((performance.now() - started) / 1000).toFixed(1);
console.log(`\nSummary (${total} s)`);
for (const r of rows) {
  const status = r.failed ? `✘ ${r.failed} failed` : '✔';
  const extra = r.passed ? `, ${r.passed} passed` : '';
  console.log(`  ${r.label.padEnd(14)} ${status}${extra}${r.note ? ` (${r.note})` : ''}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
