import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LoginResponseSchema, type LoginResponse } from '../../shared/api/auth';
import { MutationResponseSchema, PullResponseSchema, type MutationResponse, type PullResponse } from '../../shared/api/sync';
import { startServerWithInternals, type RunningServer, type ServerInternals, type StartServerOptions } from '../app';
import { DEMO_PASSWORD } from '../demo/seed';

/** A clock tests move by hand; starts at a fixed instant so failures reproduce. */
export class FakeClock {
  constructor(public time = Date.UTC(2025, 0, 6, 9, 0, 0)) {}
  readonly now = (): number => this.time;
  advance(ms: number): void {
    this.time += ms;
  }
}

export interface TestServer {
  server: RunningServer;
  url: string;
  clock: FakeClock;
  dataDir: string;
  /** the running domain, for fixtures and for changes no HTTP route makes yet */
  internals: ServerInternals;
  /** POST JSON (or raw text when body is a string) and return the fetch Response */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** signs a demo account in and returns the parsed LoginResponse */
  login(username?: string, password?: string): Promise<LoginResponse>;
  /** GET /api/sync/pull, expecting 200 */
  pull(token: string, cursor?: number, limit?: number): Promise<PullResponse>;
  /** everything visible from `cursor` on, following hasMore */
  pullAll(token: string, cursor?: number, limit?: number): Promise<PullResponse>;
  /** POST /api/mutations, expecting 200 */
  mutate(token: string, clientId: string, mutations: { id: string; name: string; args: unknown }[]): Promise<MutationResponse>;
  stop(): Promise<void>;
}

/**
 * A real server on 127.0.0.1, a random port and a fresh temp folder, with the three demo accounts
 * and a fake clock. The demo data set is off unless asked for: tests build small fixtures.
 */
export async function startTestServer(options: Partial<StartServerOptions> = {}): Promise<TestServer> {
  const clock = new FakeClock();
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'seatdesk-server-')));
  const { server, internals } = await startServerWithInternals({
    demo: true,
    demoData: false,
    now: clock.now,
    logger: { level: 'warn' },
    ...options,
    dataDir,
    port: 0,
  });
  const url = server.url;

  const post: TestServer['post'] = (path, body, headers = {}) =>
    fetch(url + path, {
      method: 'POST',
      headers: { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const get: TestServer['get'] = (path, headers = {}) => fetch(url + path, { headers });

  const pull: TestServer['pull'] = async (token, cursor = 0, limit) => {
    const query = `cursor=${cursor}${limit === undefined ? '' : `&limit=${limit}`}`;
    const response = await get(`/api/sync/pull?${query}`, bearer(token));
    if (response.status !== 200) throw new Error(`pull failed: ${response.status} ${await response.text()}`);
    return PullResponseSchema.parse(await response.json());
  };

  return {
    server,
    url,
    clock,
    dataDir,
    internals,
    post,
    get,
    async login(username = 'agent', password = DEMO_PASSWORD) {
      const response = await post('/api/auth/login', { username, password });
      if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
      return LoginResponseSchema.parse(await response.json());
    },
    pull,
    async pullAll(token, cursor = 0, limit = 1000) {
      const rows: PullResponse['rows'] = [];
      let page = await pull(token, cursor, limit);
      rows.push(...page.rows);
      while (page.hasMore) {
        page = await pull(token, page.cursor, limit);
        rows.push(...page.rows);
      }
      return { ...page, rows };
    },
    async mutate(token, clientId, mutations) {
      const response = await post('/api/mutations', { clientId, mutations }, bearer(token));
      if (response.status !== 200) throw new Error(`mutations failed: ${response.status} ${await response.text()}`);
      return MutationResponseSchema.parse(await response.json());
    },
    async stop() {
      await server.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
