import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QcFlagSchema, type QcFlag } from '../../shared/domain/qc';
import type { FixtureUser } from '../testing/fixtures';
import type { SyncRow } from '../../shared/api/sync';
import { settle } from '../dispatch/testing';
import { F } from '../testing/fixtures';
import { openCollector } from '../testing/wsClient';
import { startFixtureServer, type FixtureServer } from '../testing/fixtureServer';

// QC flags on arrival over the real server: every customer and agent message is checked by the
// shared rules in its own transaction; flags sync by scope and leads review them.

let t: FixtureServer;
let complaint: QcFlag;
let askSecret: QcFlag;
let conversationId: string;

async function flagsSeenBy(user: FixtureUser): Promise<QcFlag[]> {
  return (await t.everything(user)).rows.filter((r) => r.entity === 'qc_flags').map((r) => QcFlagSchema.parse(r.data));
}

beforeAll(async () => {
  t = await startFixtureServer();
  const customer = await t.newCustomer();
  ({ conversationId } = await t.customerSays(customer, F.queueX, `我的电话是${F.phone}，再不处理我就去投诉你们`));
  await t.apply('p1', 'conversations.accept', { conversationId });
  await t.apply('p1', 'messages.send', { conversationId, text: '为了核实身份，请提供您的登录密码' });
  await t.apply('p1', 'messages.note', { conversationId, text: '下次请提供您的登录密码再核实' });
  const all = await flagsSeenBy('admin');
  complaint = all.find((f) => f.ruleId === 'customer.complaint')!;
  askSecret = all.find((f) => f.ruleId === 'agent.ask_secret')!;
});
afterAll(async () => {
  await t.stop();
});

describe('QC flags on arrival', () => {
  it('flags a customer message that threatens a complaint, with the phone number masked in the excerpt', () => {
    expect(complaint).toMatchObject({ conversationId, side: 'customer', severity: 'warn', agentId: null, status: 'open', reviewedBy: null });
    expect(complaint.excerpt).toContain('投诉');
    expect(complaint.excerpt).toContain('138****5678');
    expect(complaint.excerpt).not.toContain(F.phone);
  });

  it('flags an agent asking for a password as blocking, on the agent’s message', () => {
    const message = t.internals.domain.messages.message(askSecret.messageId);
    expect(message).toMatchObject({ senderId: F.users.p1, kind: 'text' });
    expect(askSecret).toMatchObject({ side: 'agent', severity: 'block', agentId: F.users.p1, createdAt: message!.createdAt });
  });

  it('does not check internal notes (the same words in a note raise nothing)', async () => {
    const flagged = (await flagsSeenBy('admin')).map((f) => t.internals.domain.messages.message(f.messageId)?.kind);
    expect(flagged).toEqual(['text', 'text']);
  });

  it('writes no flag for a message that was refused (same transaction)', async () => {
    const before = (await flagsSeenBy('admin')).length;
    const refused = await t.act('p2', 'messages.send', { conversationId, text: '请提供您的登录密码' });
    expect(refused).toMatchObject({ status: 'rejected', code: 'not_found' });
    expect(await flagsSeenBy('admin')).toHaveLength(before);
  });

  it('shows agents the flags on their own messages, leads those of their teams, admins all', async () => {
    expect((await flagsSeenBy('p1')).map((f) => f.id)).toEqual([askSecret.id]);
    expect(await flagsSeenBy('p2')).toEqual([]);
    expect(await flagsSeenBy('mA')).toEqual([]);
    expect((await flagsSeenBy('leadX')).map((f) => f.id).sort()).toEqual([complaint.id, askSecret.id].sort());
    expect(await flagsSeenBy('leadY')).toEqual([]);
  });
});

describe('QC flags live', () => {
  it('pushes a new flag to the lead of the team as the message commits, and not to another team’s lead', async () => {
    const leadX = await openCollector(t.url, t.tokens.leadX);
    const leadY = await openCollector(t.url, t.tokens.leadY);
    const customer = await t.newCustomer();
    const { conversationId: other } = await t.customerSays(customer, F.queueX, '你们这是诈骗吧');
    const frame = await leadX.next((f) => f.t === 'rows' && (f.rows as SyncRow[]).some((r) => r.entity === 'qc_flags' && r.data.conversationId === other));
    const pushed = (frame.rows as SyncRow[]).filter((r) => r.entity === 'qc_flags');
    expect(pushed.map((r) => r.data)).toEqual([expect.objectContaining({ ruleId: 'customer.fraud', side: 'customer', status: 'open' })]);
    // the flag travels with its message, in the same push
    expect((frame.rows as SyncRow[]).some((r) => r.entity === 'messages' && r.id === pushed[0]!.data.messageId)).toBe(true);
    await settle();
    expect(leadY.frames.some((f) => f.t === 'rows' && (f.rows as SyncRow[]).some((r) => r.entity === 'qc_flags'))).toBe(false);
    await leadX.close();
    await leadY.close();
  });
});

describe('qc.review', () => {
  it('lets a lead of the team confirm or dismiss a flag, and tells the agent', async () => {
    const rows = await t.apply('leadX', 'qc.review', { flagId: askSecret.id, verdict: 'confirmed' });
    expect(rows.map((r) => r.data)).toEqual([{ ...askSecret, status: 'confirmed', reviewedBy: F.users.leadX, reviewedAt: t.clock.time }]);
    expect((await flagsSeenBy('p1'))[0]).toMatchObject({ status: 'confirmed' });
    await t.apply('admin', 'qc.review', { flagId: complaint.id, verdict: 'dismissed' });
    expect((await flagsSeenBy('leadX')).find((f) => f.id === complaint.id)).toMatchObject({ status: 'dismissed', reviewedBy: F.users.admin });
  });

  it('refuses agents, hides other teams’ flags, and names a bad field', async () => {
    expect(await t.act('p1', 'qc.review', { flagId: askSecret.id, verdict: 'dismissed' })).toMatchObject({ status: 'rejected', code: 'forbidden' });
    expect(await t.act('leadY', 'qc.review', { flagId: askSecret.id, verdict: 'dismissed' })).toMatchObject({ status: 'rejected', code: 'not_found' });
    expect(await t.act('p2', 'qc.review', { flagId: askSecret.id, verdict: 'dismissed' })).toMatchObject({ status: 'rejected', code: 'not_found' });
    const bad = await t.act('leadX', 'qc.review', { flagId: askSecret.id, verdict: 'maybe' });
    expect(bad).toMatchObject({ status: 'rejected', code: 'invalid_args', message: expect.stringContaining('verdict') });
  });
});
