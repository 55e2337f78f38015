import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LoginResponseSchema, type LoginResponse } from '../../shared/api/auth';
import { startServer, type RunningServer, type StartServerOptions } from '../app';
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
  /** POST JSON (or raw text when body is a string) and return the fetch Response */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** signs a demo account in and returns the parsed LoginResponse */
  login(username?: string, password?: string): Promise<LoginResponse>;
  stop(): Promise<void>;
}

/** A real server on 127.0.0.1, a random port and a fresh temp folder, with demo accounts and a fake clock. */
export async function startTestServer(options: Partial<StartServerOptions> = {}): Promise<TestServer> {
  const clock = new FakeClock();
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'seatdesk-server-')));
  const server = await startServer({ demo: true, now: clock.now, logger: { level: 'warn' }, ...options, dataDir, port: 0 });
  const url = server.url;

  const post: TestServer['post'] = (path, body, headers = {}) =>
    fetch(url + path, {
      method: 'POST',
      headers: { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const get: TestServer['get'] = (path, headers = {}) => fetch(url + path, { headers });

  return {
    server,
    url,
    clock,
    dataDir,
    post,
    get,
    async login(username = 'agent', password = DEMO_PASSWORD) {
      const response = await post('/api/auth/login', { username, password });
      if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
      return LoginResponseSchema.parse(await response.json());
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
