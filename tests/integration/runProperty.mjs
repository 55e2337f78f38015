// The long run of the sync property test: `npm run test:property -- --runs 1000` (default 1000).
import { spawnSync } from 'node:child_process';

const at = process.argv.indexOf('--runs');
const runs = at > 0 ? process.argv[at + 1] : '1000';
if (!/^\d+$/.test(runs ?? '')) {
  console.error('usage: npm run test:property -- --runs <number>');
  process.exit(2);
}
const { status } = spawnSync('npx', ['vitest', 'run', 'tests/integration/syncProperty.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, SYNC_PROPERTY_RUNS: runs },
});
process.exit(status ?? 1);
