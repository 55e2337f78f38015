import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UploadResponseSchema } from '../../src/shared/api/attachments';
import { CustomerMessageResponseSchema } from '../../src/shared/api/customerChat';
import { bearer } from '../../src/server/testing/testServer';
import { EvidenceBundleSchema, sha256Hex } from '../../src/shared/evidence';
import type { Rpc } from '../../src/shared/rpc/client';
import type { FixtureUser } from '../../src/server/testing/fixtures';
import { eventually, F, fetchAgain, FIXTURE_PASSWORD, record, useStage } from './syncHarness';

// A real server and a real core over loopback: a synced conversation is exported to HTML and JSON
// through history.export, verified through history.verify and the CLI (spawned with node), and a
// tampered copy fails both.
const stage = useStage('seatdesk-evidence-');

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new TextEncoder().encode('IHDR receipt')]);
const HOSTILE = '<script>alert(1)</script>';
const REPLY = '您好，已为您登记';

let cliDir: string;
let cli: string;
beforeAll(async () => {
  // The CLI bundled as scripts/build.mjs does, but with its packages inside (a temp folder has no
  // node_modules to resolve them from; dist/ is shared with other runs).
  cliDir = await mkdtemp(join(tmpdir(), 'seatdesk-verify-cli-'));
  cli = join(cliDir, 'verify.js');
  await build({
    entryPoints: ['src/main/host/verifyCli.ts'],
    outfile: cli,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
  });
}, 60_000);
afterAll(() => rm(cliDir, { recursive: true, force: true }));

beforeEach(() => {
  process.env.SEATDESK_EXPORT_DIR = join(stage.dir, 'exports');
});

function runCli(file: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, file], { cwd: process.cwd() });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

/**
 * Customer One writes with a phone number, a receipt image and hostile text; the agent accepts
 * and replies (straight to the server, as their other device would).
 */
async function customerConversation(queueId: string, agent: FixtureUser): Promise<{ conversationId: string; attachmentId: string }> {
  const upload = await fetchAgain(`${stage.server.url}/api/attachments`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-filename': encodeURIComponent('receipt.png'), ...bearer(F.tokens.c1) },
    body: PNG,
  });
  const { attachment } = UploadResponseSchema.parse(await upload.json());
  const first = await fetchAgain(`${stage.server.url}/api/customer/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(F.tokens.c1) },
    body: JSON.stringify({ queueId, text: `退款没到，电话 ${F.phone}`, attachmentIds: [attachment.id] }),
  });
  const { conversationId } = CustomerMessageResponseSchema.parse(await first.json());
  await stage.server.customerSays('c1', queueId, HOSTILE);
  const token = await stage.server.token(agent);
  expect(await stage.server.mutate(token, 'conversations.accept', { conversationId })).toBe('applied');
  expect(await stage.server.mutate(token, 'messages.send', { conversationId, text: REPLY })).toBe('applied');
  return { conversationId, attachmentId: attachment.id };
}

/** A core signed in as `user` once it holds the whole conversation; returns its RPC and the synced bodies. */
async function signedIn(user: string, conversationId: string): Promise<{ rpc: Rpc; bodies: string[] }> {
  const { rpc } = stage.core();
  await rpc.session.login({ serverUrl: stage.server.url, username: user, password: FIXTURE_PASSWORD });
  const bodies = await eventually(
    async () => {
      const { messages } = await rpc.messages.list({ conversationId });
      return messages.some((m) => m.body === REPLY) ? messages.map((m) => m.body) : null;
    },
    15_000,
    'the conversation to sync',
  );
  return { rpc, bodies };
}

describe('evidence export and verify', () => {
  it('exports a synced shop conversation to HTML and JSON, masked, with the attachment hashed and embedded; both verify', async () => {
    const { conversationId, attachmentId } = await customerConversation(F.queueA, 'mA');
    const { rpc, bodies } = await signedIn('ma', conversationId);
    const progress = record(rpc, 'history.exportProgress');

    const html = await rpc.history.export({ conversationIds: [conversationId], format: 'html', includeAttachments: true, lang: 'en' });
    const json = await rpc.history.export({ conversationIds: [conversationId], format: 'json', includeAttachments: true });
    for (const result of [html, json]) {
      expect(result).toMatchObject({ conversations: 1, messages: bodies.length, masked: true });
      expect(result.path.startsWith(join(stage.dir, 'exports'))).toBe(true);
      expect(await rpc.history.verify({ path: result.path })).toEqual({ ok: true, digest: result.digest });
      expect(await runCli(result.path)).toEqual({ code: 0, out: expect.stringContaining(`OK ${result.path}`) });
    }
    expect(progress.at(-1)).toEqual({ phase: 'done', done: 1, total: 1 });
    expect(progress.some((p) => p.phase === 'attachments')).toBe(true);

    const bundle = EvidenceBundleSchema.parse(JSON.parse(await readFile(json.path, 'utf8')));
    expect(bundle.conversations[0]).toMatchObject({ counterpart: { kind: 'shop', shopId: F.shopA, shopName: 'Shop A' }, customer: { phone: '138****5678' } });
    expect(bundle.messages.map((m) => m.body)).toEqual(bodies.map((body) => body.replace(F.phone, '138****5678')));
    expect(bundle.messages.filter((m) => m.senderKind !== 'system').map((m) => m.body)).toEqual(['退款没到，电话 138****5678', HOSTILE, REPLY]);
    expect(bundle.agents).toEqual([{ id: F.users.mA, displayName: expect.any(String) }]);
    expect(bundle.messages[0]!.attachments[0]).toMatchObject({ id: attachmentId, sha256: sha256Hex(PNG) });
    expect(bundle.files[attachmentId]).toBe(Buffer.from(PNG).toString('base64'));

    const page = await readFile(html.path, 'utf8');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain(`<img alt="receipt.png" src="data:image/png;base64,${Buffer.from(PNG).toString('base64')}">`);
    expect(page).not.toContain(F.phone);
    expect(page).toContain('Shop A');
  });

  it('fails verification of a tampered copy, in the CLI (exit 1) and through history.verify', async () => {
    const { conversationId } = await customerConversation(F.queueA, 'mA');
    const { rpc } = await signedIn('ma', conversationId);
    const json = await rpc.history.export({ conversationIds: [conversationId], format: 'json' });
    const html = await rpc.history.export({ conversationIds: [conversationId], format: 'html' });

    const edited = join(stage.dir, 'edited.json');
    await writeFile(edited, (await readFile(json.path, 'utf8')).replace('退款没到', '已经退款'));
    expect(await runCli(edited)).toEqual({ code: 1, out: expect.stringContaining('edited at message 0') });
    expect(await rpc.history.verify({ path: edited })).toMatchObject({ ok: false, problems: [{ index: 0, kind: 'edited' }] });

    const deleted = join(stage.dir, 'deleted.json');
    const bundle = JSON.parse(await readFile(json.path, 'utf8')) as { messages: unknown[] };
    bundle.messages.splice(0, 1);
    await writeFile(deleted, JSON.stringify(bundle));
    expect(await runCli(deleted)).toEqual({ code: 1, out: expect.stringContaining('deleted at message 0') });

    const page = join(stage.dir, 'page.html');
    await writeFile(page, (await readFile(html.path, 'utf8')).replace('&lt;script&gt;', '&lt;b&gt;'));
    expect((await runCli(page)).code).toBe(1);
    expect(await runCli(join(stage.dir, 'missing.html'))).toEqual({ code: 2, out: expect.stringContaining('cannot verify') });
  });

  it('exports unmasked only for a lead who asks, and marks the export so', async () => {
    const { conversationId } = await customerConversation(F.queueX, 'p1');
    const { rpc: agent } = await signedIn('p1', conversationId);
    await expect(agent.history.export({ conversationIds: [conversationId], format: 'json', unmasked: true })).rejects.toMatchObject({ code: 'forbidden' });

    const { rpc: lead } = await signedIn('leadx', conversationId);
    const result = await lead.history.export({ filter: { queueId: F.queueX }, format: 'json', unmasked: true });
    expect(result).toMatchObject({ conversations: 1, masked: false });
    const bundle = EvidenceBundleSchema.parse(JSON.parse(await readFile(result.path, 'utf8')));
    expect(bundle.header).toMatchObject({ masked: false, exportedBy: { role: 'lead' }, selection: { filter: { queueId: F.queueX } } });
    expect(bundle.messages[0]!.body).toContain(F.phone);
    expect(bundle.conversations[0]!.counterpart).toEqual({ kind: 'platform' });
    // The customer's contact fields come clear from the server's audited answer (the cache holds them masked).
    expect(bundle.conversations[0]!.customer?.phone).toBe(F.phone);
    // With the server gone the export cannot be audited, so none is written.
    await stage.server.stop();
    await expect(lead.history.export({ conversationIds: [conversationId], format: 'json', unmasked: true })).rejects.toMatchObject({ code: 'offline' });
  });

  it('answers bad arguments with a typed error naming the field, and an unknown conversation as not found', async () => {
    const { conversationId } = await customerConversation(F.queueX, 'p1');
    const { rpc } = await signedIn('p1', conversationId);
    await expect(rpc.history.export({ format: 'json' })).rejects.toMatchObject({ code: 'invalid_args', message: expect.stringContaining('conversationIds') });
    await expect(rpc.history.export({ conversationIds: [conversationId], format: 'pdf' as 'json' })).rejects.toMatchObject({
      code: 'invalid_args',
      message: expect.stringContaining('format'),
    });
    await expect(rpc.history.export({ conversationIds: ['no-such'], format: 'json' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(rpc.history.verify({ path: join(stage.dir, 'nothing.json') })).rejects.toMatchObject({ code: 'not_found' });
  });
});
