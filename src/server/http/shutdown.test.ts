import { connect, type Socket } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/testServer';

let server: TestServer | undefined;
let client: Socket | undefined;
afterEach(async () => {
  client?.destroy();
  await server?.stop();
});

/** Resolves with what the server answered once `until` shows up in it. */
function readUntil(socket: Socket, until: string): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (text.includes(until)) resolve(text);
    });
  });
}

it('closes promptly when a request was in flight at close: its answer is sent, then its connection ends', async () => {
  server = await startTestServer();
  const { port } = new URL(server.url);
  client = connect(Number(port), '127.0.0.1');
  await new Promise((resolve) => client!.once('connect', resolve));
  // A keep-alive request whose body is still coming when close() starts: not idle, so Node's
  // own close() leaves it alone, and after its answer it would idle for the keep-alive timeout.
  const body = JSON.stringify({ name: 'late' });
  client.write(`POST /api/customer/sessions HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
  client.write(body.slice(0, 3));
  await new Promise((resolve) => setTimeout(resolve, 50));
  const answered = readUntil(client, '"customerId"');
  const ended = new Promise((resolve) => client!.once('end', resolve));
  const started = Date.now();
  const closed = server.server.close();
  client.write(body.slice(3));

  const answer = await answered;
  expect(answer).toMatch(/^HTTP\/1\.1 200/);
  expect(answer.toLowerCase()).toContain('connection: close');
  await ended;
  await closed;
  expect(Date.now() - started).toBeLessThan(5_000);
});
