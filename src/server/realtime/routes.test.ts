import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WS_CLOSE_UNAUTHENTICATED, WsHelloSchema } from '../../shared/api/auth';
import { bearer, startTestServer, type TestServer } from '../testing/testServer';
import { openWs } from '../testing/wsClient';

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  await t.stop();
});

describe('GET /api/ws', () => {
  it('closes with 4401 when there is no token', async () => {
    const { closed } = openWs(t.url);
    expect((await closed).code).toBe(WS_CLOSE_UNAUTHENTICATED);
  });

  it('closes with 4401 for an unknown or expired token', async () => {
    expect((await openWs(t.url, 'not-a-real-token-at-all').closed).code).toBe(WS_CLOSE_UNAUTHENTICATED);
    const login = await t.login();
    t.clock.advance(login.expiresAt - t.clock.time);
    expect((await openWs(t.url, login.token).closed).code).toBe(WS_CLOSE_UNAUTHENTICATED);
  });

  it('sends hello with the user and the server time for a good token', async () => {
    const login = await t.login('lead');
    const { socket, firstMessage } = openWs(t.url, login.token);
    const hello = WsHelloSchema.parse(await firstMessage);
    expect(hello).toEqual({ t: 'hello', user: login.user, serverTime: t.clock.time });
    socket.close();
  });

  it('closes the sockets of a token when it logs out, and only those', async () => {
    const first = await t.login();
    const second = await t.login();
    const a = openWs(t.url, first.token);
    const b = openWs(t.url, second.token);
    await Promise.all([a.firstMessage, b.firstMessage]);

    expect((await t.post('/api/auth/logout', undefined, bearer(first.token))).status).toBe(204);
    expect(await a.closed).toEqual({ code: WS_CLOSE_UNAUTHENTICATED, reason: 'logged_out' });
    expect(b.socket.readyState).toBe(b.socket.OPEN);
    b.socket.close();
  });

  it('survives garbage frames: the socket stays open and the server keeps answering', async () => {
    const login = await t.login();
    const { socket, firstMessage } = openWs(t.url, login.token);
    await firstMessage;
    for (const garbage of ['{', 'not json', '', '\u0000\uffff', '{"t":"unknown-type"}', '[1,2', 'null']) socket.send(garbage);
    expect((await t.get('/api/health')).status).toBe(200);
    expect(socket.readyState).toBe(socket.OPEN);
    socket.close();
  });

  it('closes politely (1008) after too many malformed frames, and 1003 on a binary frame', async () => {
    const login = await t.login();
    const flood = openWs(t.url, login.token);
    await flood.firstMessage;
    for (let i = 0; i < 11; i += 1) flood.socket.send('{oops');
    expect((await flood.closed).code).toBe(1008);

    const binary = openWs(t.url, login.token);
    await binary.firstMessage;
    binary.socket.send(Buffer.from([1, 2, 3]));
    expect((await binary.closed).code).toBe(1003);
    expect((await t.get('/api/health')).status).toBe(200);
  });

  it('closes open sockets with 1001 when the server shuts down', async () => {
    const login = await t.login();
    const { firstMessage, closed } = openWs(t.url, login.token);
    await firstMessage;
    const stopping = t.stop();
    expect((await closed).code).toBe(1001);
    await stopping;
    t = await startTestServer(); // afterEach stops it
  });
});
