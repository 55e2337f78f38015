import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { UploadResponseSchema } from '../../src/shared/api/attachments';
import { CustomerMessagesResponseSchema } from '../../src/shared/api/customerChat';
import type { Rpc } from '../../src/shared/rpc/client';
import { bearer } from '../../src/server/testing/testServer';
import { ATTACHMENT_CHUNK_BYTES } from '../../src/shared/domain/workstation';
import { eventually, F, fetchAgain, FIXTURE_PASSWORD, useStage } from './syncHarness';

// Attachments through the core against a real server: read (cached by hash), and sent through the outbox.
const stage = useStage('seatdesk-attachments-');

/** A real PNG of `size`-ish bytes (noise in an uncompressed-ish IDAT), so the server's sniffing takes it. */
function png(noise: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, 'ascii'), data, Buffer.alloc(4)]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8;
  header[9] = 2;
  const random = Buffer.from(Array.from({ length: noise }, (_, i) => (i * 7919 + noise) % 251));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(random, { level: 0 })), chunk('IEND', Buffer.alloc(0))]);
}

async function online(rpc: Rpc) {
  await eventually(async () => (await rpc.sync.status()).state === 'online', 40_000, 'online');
}

/** Lead X signed in and online, holding customer c1's conversation (handed to themself, so they may reply). */
async function leadWithConversation() {
  const conversationId = await stage.server.customerSays('c1', F.queueX, '收到的商品有破损');
  const lead = stage.core();
  await lead.rpc.session.login({ serverUrl: stage.server.url, username: 'leadx', password: FIXTURE_PASSWORD });
  await online(lead.rpc);
  await eventually(async () => (await lead.rpc.messages.list({ conversationId })).messages.length > 0, 15_000, 'the conversation');
  await lead.rpc.conversations.transfer({ conversationId, to: { agentId: F.users.leadX } });
  await eventually(async () => (await lead.rpc.outbox.list()).length === 0, 15_000, 'transfer acknowledged');
  return { rpc: lead.rpc, conversationId };
}

/** Every byte of an attachment, piece by piece through the RPC, as a window reads it. */
async function readAll(rpc: Rpc, attachmentId: string): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for (let offset = 0; ; ) {
    const chunk = await rpc.attachments.read({ attachmentId, offset });
    pieces.push(Buffer.from(chunk.base64, 'base64'));
    offset += Buffer.from(chunk.base64, 'base64').length;
    if (offset >= chunk.size) return Buffer.concat(pieces);
  }
}

/** Stages a file in pieces, as the composer does. */
async function stageFile(rpc: Rpc, bytes: Buffer): Promise<string> {
  let stageId: string | undefined;
  for (let at = 0; at < bytes.length; at += ATTACHMENT_CHUNK_BYTES) {
    ({ stageId } = await rpc.attachments.stage({ stageId, base64: bytes.subarray(at, at + ATTACHMENT_CHUNK_BYTES).toString('base64') }));
  }
  return stageId!;
}

const customerHeaders = bearer(F.tokens.c1);

describe('attachments through the core', () => {
  it("reads a customer's image from the server once, then from its own copy with the server gone", async () => {
    const image = png(1_300_000);
    const { rpc, conversationId } = await leadWithConversation();
    const upload = await fetchAgain(`${stage.server.url}/api/attachments`, { method: 'POST', headers: { ...customerHeaders, 'x-filename': 'damage.png' }, body: new Uint8Array(image) });
    const { attachment } = UploadResponseSchema.parse(await upload.json());
    const sent = await fetchAgain(`${stage.server.url}/api/customer/messages`, {
      method: 'POST',
      headers: { ...customerHeaders, 'content-type': 'application/json' },
      body: JSON.stringify({ queueId: F.queueX, conversationId, text: '', attachmentIds: [attachment.id] }),
    });
    expect(sent.status).toBe(200);
    await eventually(async () => (await rpc.messages.list({ conversationId })).messages.some((m) => m.attachments?.[0]?.id === attachment.id), 15_000, 'the message');

    // Bigger than one piece: read back in three, byte for byte.
    expect((await readAll(rpc, attachment.id)).equals(image)).toBe(true);
    await stage.server.stop();
    await eventually(async () => (await rpc.sync.status()).state === 'offline', 15_000, 'offline');
    expect((await readAll(rpc, attachment.id)).equals(image)).toBe(true);
    // Never seen and no server: the window is told why.
    await expect(rpc.attachments.read({ attachmentId: 'never-seen', offset: 0 })).rejects.toMatchObject({ code: 'offline' });
  }, 60_000);

  it('sends an image staged offline after reconnect: pending at once, then sent, and the customer downloads the same bytes', async () => {
    const image = png(700_000);
    const { rpc, conversationId } = await leadWithConversation();
    await stage.server.stop();
    await eventually(async () => (await rpc.sync.status()).state === 'offline', 15_000, 'offline');

    const stageId = await stageFile(rpc, image);
    const message = await rpc.attachments.send({ conversationId, text: '请看这张图', files: [{ stageId, name: '说明.png', mime: 'image/png' }] });
    expect(message).toMatchObject({ delivery: 'pending', body: '请看这张图', attachments: [{ name: '说明.png', mime: 'image/png', size: image.length }] });
    // The pending message's file opens from the local copy, offline.
    expect((await readAll(rpc, message.attachments![0]!.id)).equals(image)).toBe(true);

    await stage.server.start();
    await online(rpc);
    const delivered = await eventually(async () => {
      const found = (await rpc.messages.list({ conversationId })).messages.find((m) => m.id === message.id);
      // Sent, and the server's row in place of the optimistic one (it carries the server's file id).
      return found?.delivery === 'sent' && found.attachments?.[0]?.id !== message.attachments![0]!.id ? found : null;
    }, 30_000, 'sent');
    const serverId = delivered.attachments![0]!.id;
    expect(serverId).not.toBe(message.attachments![0]!.id);
    expect((await readAll(rpc, serverId)).equals(image)).toBe(true);

    const seen = CustomerMessagesResponseSchema.parse(
      await (await fetchAgain(`${stage.server.url}/api/customer/conversations/${conversationId}/messages`, { headers: customerHeaders })).json(),
    );
    expect(seen.messages.find((m) => m.body === '请看这张图')?.attachments).toEqual([expect.objectContaining({ id: serverId, name: '说明.png' })]);
    const download = await fetchAgain(`${stage.server.url}/api/attachments/${serverId}`, { headers: customerHeaders });
    expect(Buffer.from(await download.arrayBuffer()).equals(image)).toBe(true);
  }, 90_000);

  it('marks the reply failed with the server’s reason when the file is not an allowed kind, and rejects bad calls naming the field', async () => {
    const { rpc, conversationId } = await leadWithConversation();
    const stageId = await stageFile(rpc, Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0xff, 0xfe]));
    const message = await rpc.attachments.send({ conversationId, text: '', files: [{ stageId, name: 'tool.png', mime: 'image/png' }] });
    const failed = await eventually(async () => {
      const found = (await rpc.messages.list({ conversationId })).messages.find((m) => m.id === message.id);
      return found?.delivery === 'failed' ? found : null;
    }, 15_000, 'failed');
    expect(failed.failure?.message).toMatch(/allowed files/);

    await expect(rpc.attachments.send({ conversationId, files: [] })).rejects.toMatchObject({ code: 'invalid_args', message: expect.stringContaining('files') });
    await expect(rpc.attachments.send({ conversationId, files: [{ stageId: 'nope', name: 'a.exe', mime: 'application/x-msdownload' as 'image/png' }] })).rejects.toMatchObject({
      code: 'invalid_args',
      message: expect.stringContaining('mime'),
    });
    await expect(rpc.attachments.send({ conversationId, files: [{ stageId: 'gone', name: 'a.png', mime: 'image/png' }] })).rejects.toMatchObject({ code: 'not_found' });
  }, 60_000);
});
