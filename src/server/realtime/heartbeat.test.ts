import { describe, expect, it, vi } from 'vitest';
import { WS_CLOSE_UNAUTHENTICATED } from '../../shared/api/auth';
import type { AuthSession } from '../accounts/service';
import { heartbeatSweep } from './heartbeat';
import { ConnectionHub, type HubSocket } from './hub';

function fakeSocket(): HubSocket & { ping: ReturnType<typeof vi.fn>; terminate: ReturnType<typeof vi.fn>; close: ReturnType<typeof vi.fn> } {
  return { ping: vi.fn(), terminate: vi.fn(), close: vi.fn(), send: vi.fn() } as never;
}

function session(tokenHash: string, userId = 'u1', expiresAt = 10_000): AuthSession {
  return { tokenHash, expiresAt, user: { id: userId, username: userId, displayName: userId, role: 'agent', teamKind: 'platform' } };
}

describe('heartbeatSweep', () => {
  it('pings a live socket and terminates it if no pong came by the next sweep', () => {
    const hub = new ConnectionHub();
    const socket = fakeSocket();
    hub.add(socket, session('t1'));

    heartbeatSweep(hub, 1_000);
    expect(socket.ping).toHaveBeenCalledTimes(1);
    expect(socket.terminate).not.toHaveBeenCalled();

    heartbeatSweep(hub, 2_000);
    expect(socket.terminate).toHaveBeenCalledTimes(1);
    expect(hub.size).toBe(0);
  });

  it('keeps a socket that answered the ping', () => {
    const hub = new ConnectionHub();
    const socket = fakeSocket();
    const connection = hub.add(socket, session('t1'));
    heartbeatSweep(hub, 1_000);
    connection.alive = true; // what the 'pong' handler does
    heartbeatSweep(hub, 2_000);
    expect(socket.terminate).not.toHaveBeenCalled();
    expect(socket.ping).toHaveBeenCalledTimes(2);
  });

  it('closes a socket whose session expired with 4401', () => {
    const hub = new ConnectionHub();
    const socket = fakeSocket();
    hub.add(socket, session('t1', 'u1', 5_000));
    heartbeatSweep(hub, 5_000);
    expect(socket.close).toHaveBeenCalledWith(WS_CLOSE_UNAUTHENTICATED, 'session_expired');
  });
});

describe('ConnectionHub', () => {
  it('indexes sockets by user and closes exactly one session', () => {
    const hub = new ConnectionHub();
    const [a, b, c] = [fakeSocket(), fakeSocket(), fakeSocket()];
    hub.add(a, session('t1', 'u1'));
    hub.add(b, session('t2', 'u1'));
    hub.add(c, session('t3', 'u2'));
    expect(hub.forUser('u1').map((x) => x.socket)).toEqual([a, b]);

    expect(hub.closeSession('t1', 4401, 'logged_out')).toBe(1);
    expect(a.close).toHaveBeenCalledWith(4401, 'logged_out');
    expect(b.close).not.toHaveBeenCalled();

    hub.remove(a);
    hub.remove(a);
    expect(hub.forUser('u1').map((x) => x.socket)).toEqual([b]);
    expect(hub.size).toBe(2);
  });
});
