import { describe, expect, it } from 'vitest';
import type { Rpc } from '../../src/shared/rpc/client';
import { join } from 'node:path';
import { eventually, FIXTURE_PASSWORD, openCore, record, useStage } from './syncHarness';

// Presence as the server's routing holds it, read back by the core rather than remembered by a window.
const stage = useStage('seatdesk-presence-');

const presenceOf = async (rpc: Rpc) => (await rpc.presence.get())?.presence;

describe('presence from the server', () => {
  it('reads back the presence routing holds after a restart, and hears a change made on another workstation', async () => {
    const first = stage.core();
    await first.rpc.session.login({ serverUrl: stage.server.url, username: 'p1', password: FIXTURE_PASSWORD });
    // A fresh sign-in: the server says offline (it starts every agent offline).
    await eventually(async () => (await presenceOf(first.rpc)) === 'offline', 40_000, 'offline from the server');
    await first.rpc.presence.set({ presence: 'away', reason: '午饭' });
    await eventually(async () => (await presenceOf(first.rpc)) === 'away', 15_000, 'away');
    expect(await first.rpc.presence.get()).toEqual({ presence: 'away', reason: '午饭' });

    // The app restarts (a new core on the same data, signed in from the stored session) within routing's grace period.
    await first.core.close();
    const again = stage.core(first.secrets);
    await eventually(async () => (await presenceOf(again.rpc)) === 'away', 40_000, 'away read back');
    expect(await again.rpc.presence.get()).toEqual({ presence: 'away', reason: '午饭' });

    // Another workstation of the same agent goes online: this one hears it.
    const heard = record(again.rpc, 'presence.changed');
    // (its own data folder, as on another machine)
    const other = openCore(join(stage.dir, 'other-machine'));
    stage.cores.push(other);
    await other.rpc.session.login({ serverUrl: stage.server.url, username: 'p1', password: FIXTURE_PASSWORD });
    await eventually(async () => (await other.rpc.sync.status()).state === 'online', 40_000, 'second workstation online');
    await other.rpc.presence.set({ presence: 'online' });
    await eventually(async () => (await presenceOf(again.rpc)) === 'online', 15_000, 'online heard');
    expect(heard.at(-1)).toEqual({ presence: 'online' });
  }, 90_000);
});
