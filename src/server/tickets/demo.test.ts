import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncRow } from '../../shared/api/sync';
import { DEMO_SEED, generateDemoData } from '../demo/data/generate';
import type { DemoData } from '../demo/data/schema';
import { idsOf } from '../testing/fixtureServer';
import { startTestServer, type TestServer } from '../testing/testServer';
import { timeline } from './testTickets';

/* The demo data set's tickets, loaded with the rest of the demo history, as a workstation pulls them. */

let t: TestServer;
let data: DemoData;
let rows: SyncRow[];

beforeAll(async () => {
  t = await startTestServer({ demoData: true });
  data = generateDemoData({ seed: DEMO_SEED, anchor: t.clock.time });
  rows = (await t.pullAll((await t.login('admin')).token)).rows;
}, 30_000);
afterAll(async () => {
  await t.stop();
});

describe('demo tickets', () => {
  it('are all loaded, each with its whole timeline', () => {
    expect(data.history.tickets.length).toBeGreaterThan(10);
    expect(idsOf(rows, 'tickets')).toEqual(data.history.tickets.map((d) => d.id).sort());
    expect(rows.filter((r) => r.entity === 'ticket_events')).toHaveLength(data.history.tickets.reduce((n, d) => n + d.timeline.length, 0));
  });

  it('have timelines whose status moves and transfers end where the ticket is', () => {
    const tickets = new Map(rows.filter((r) => r.entity === 'tickets').map((r) => [r.id, r.data]));
    for (const d of data.history.tickets) {
      const ticket = tickets.get(d.id);
      expect(ticket, d.id).toMatchObject({ status: d.status, departmentTeamId: d.department, dueAt: d.dueAt, createdAt: d.createdAt });
      const changes = timeline(rows, d.id).map((r) => r.data.change as { type: string; from?: string; to?: string; fromTeamId?: string; toTeamId?: string });
      expect(changes[0]?.type, d.id).toBe('created');
      const statuses = changes.filter((c) => c.type === 'status');
      // Each move starts where the previous one ended, from pending to the ticket's status.
      statuses.forEach((c, i) => expect(c.from, d.id).toBe(i === 0 ? 'pending' : statuses[i - 1]?.to));
      expect(statuses.at(-1)?.to ?? 'pending', d.id).toBe(d.status);
      const transfers = changes.filter((c) => c.type === 'transfer');
      expect(transfers.at(-1)?.toTeamId ?? (changes[0] as { departmentTeamId?: string }).departmentTeamId, d.id).toBe(d.department);
      if (d.status === 'closed') expect(ticket?.closedAt, d.id).toBe(d.timeline.at(-1)?.at);
    }
  });

  it('are seen by a lead for their teams only', async () => {
    const lead = await t.login('lead');
    const leadRows = (await t.pullAll(lead.token)).rows;
    const teamIds = leadRows.find((r) => r.entity === 'agents' && r.id === lead.user.id)?.data.teamIds as string[];
    const theirs = rows.filter((r) => r.entity === 'tickets' && (teamIds.includes(r.data.departmentTeamId as string) || r.data.creatorId === lead.user.id));
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.length).toBeLessThan(data.history.tickets.length);
    expect(idsOf(leadRows, 'tickets')).toEqual(idsOf(theirs, 'tickets'));
  });
});
