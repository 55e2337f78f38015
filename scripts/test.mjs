// `npm test`: typecheck, lint, build, vitest (unit + integration), Playwright e2e — every suite
// runs even when an earlier one failed, then one plain line `N passed, N failed` sums them all
// (typecheck, lint and build count as one check each) for CI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results');
rmSync(join(results, 'vitest.json'), { force: true });
rmSync(join(results, 'playwright.json'), { force: true });
mkdirSync(results, { recursive: true });

const bin = (name) => join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function step(name, command, args) {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: status === 0, seconds };
}

function check(name, command, args) {
  const { ok, seconds } = step(name, command, args);
  totals[ok ? 'passed' : 'failed'] += 1;
  lines.push(`${name}: ${ok ? 'ok' : 'FAILED'} (${seconds} s)`);
  return ok;
}

/** Runs a test runner and adds its counts from its JSON report; a crash without a report is one failure. */
function suite(name, command, args, report, count) {
  const { ok, seconds } = step(name, command, args);
  const path = join(results, report);
  if (!existsSync(path)) {
    totals.failed += 1;
    lines.push(`${name}: no report (exit ${ok ? 0 : 'non-zero'}) (${seconds} s)`);
    return;
  }
  const { passed, failed, skipped } = count(JSON.parse(readFileSync(path, 'utf8')));
  const extra = !ok && failed === 0 ? 1 : 0; // the runner failed outside any test (e.g. a setup error)
  totals.passed += passed;
  totals.failed += failed + extra;
  totals.skipped += skipped;
  lines.push(`${name}: ${passed} passed, ${failed + extra} failed, ${skipped} skipped (${seconds} s)`);
}

check('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
check('lint', bin('eslint'), ['--max-warnings', '0', '.']);
// Build before vitest: the packaging test then packs the real dist/ instead of placeholders.
const built = check('build', process.execPath, [join(root, 'scripts/build.mjs')]);
suite('vitest', bin('vitest'), ['run'], 'vitest.json', (r) => ({
  passed: r.numPassedTests,
  failed: r.numFailedTests,
  skipped: r.numPendingTests + r.numTodoTests,
}));
if (built) {
  suite('playwright', bin('playwright'), ['test'], 'playwright.json', (r) => ({
    passed: r.stats.expected + r.stats.flaky,
    failed: r.stats.unexpected,
    skipped: r.stats.skipped,
  }));
}

console.log(`\n${lines.join('\n')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed === 0 ? 0 : 1);
