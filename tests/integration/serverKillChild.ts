import { startServerWithInternals } from '../../src/server/app';
import { seedFixtureOrg } from '../../src/server/testing/fixtures';
import { serveUntilStdinEnds } from '../bench/serverChild';

/*
 * The real server in a process of its own, so serverKill.test.ts can SIGKILL it:
 *   --serve <dataDir> <port> [seed]: starts on the data folder (seeding the fixture organisation
 *   when `seed` is given), prints `ready <url> {}` and runs until killed or stdin ends.
 */
const at = process.argv.indexOf('--serve');
const [dataDir, port, seed] = process.argv.slice(at + 1) as [string, string, string?];
const { server, internals } = await startServerWithInternals({ dataDir, port: Number(port), demo: true, demoData: false, logger: false });
if (seed === 'seed') await seedFixtureOrg(internals, Date.now());
serveUntilStdinEnds(server, {});
