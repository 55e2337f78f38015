import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UploadResponseSchema } from '../../shared/api/attachments';
import { ApiErrorSchema } from '../../shared/api/auth';
import { CustomerMessagesResponseSchema } from '../../shared/api/customerChat';
import { MessageSchema } from '../../shared/domain/conversations';
import { newId } from '../ids';
import { MAX_UNSENT_UPLOADS } from './service';
import { F } from '../testing/fixtures';
import { startFixtureServer, type FixtureServer } from '../testing/fixtureServer';
import { bearer } from '../testing/testServer';

const LIMIT = 64 * 1024;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR fake image body')]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF');

let t: FixtureServer;
beforeAll(async () => {
  t = await startFixtureServer({ maxAttachmentBytes: LIMIT });
});
afterAll(async () => {
  await t.stop();
});

function upload(token: string | null, bytes: Buffer, name?: string, contentType = 'application/octet-stream'): Promise<Response> {
  return fetch(`${t.url}/api/attachments`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      ...(token ? bearer(token) : {}),
      ...(name === undefined ? {} : { 'x-filename': encodeURIComponent(name) }),
    },
    body: new Uint8Array(bytes),
  });
}

async function uploaded(token: string, bytes: Buffer, name?: string) {
  const response = await upload(token, bytes, name);
  expect(response.status).toBe(201);
  return UploadResponseSchema.parse(await response.json()).attachment;
}

async function download(token: string, id: string): Promise<Response> {
  return fetch(`${t.url}/api/attachments/${id}`, { headers: bearer(token) });
}

async function expectError(response: Response, status: number, error: string): Promise<string> {
  expect(response.status).toBe(status);
  const body = ApiErrorSchema.parse(await response.json());
  expect(body.error).toBe(error);
  return body.message;
}

describe('POST /api/attachments', () => {
  it('takes a customer’s image, names it safely, and gives it back as a download only to them', async () => {
    const ref = await uploaded(F.tokens.c1, PNG, '../../截图\u202Egpj.png');
    expect(ref).toMatchObject({ name: '截图gpj.png', mime: 'image/png', size: PNG.length });

    const response = await download(F.tokens.c1, ref.id);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PNG);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="__gpj.png"; filename\*=UTF-8''%E6%88%AA%E5%9B%BEgpj.png$/);

    // Not sent with any message yet: nobody else may read it, not even an admin.
    await expectError(await download(F.tokens.c2, ref.id), 404, 'not_found');
    await expectError(await download(t.tokens.admin, ref.id), 404, 'not_found');
  });

  it('decides the type from the bytes: a declared image/png that is an executable is 415', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90)]);
    const message = await expectError(await upload(F.tokens.c1, exe, 'cute-cat.png', 'image/png'), 415, 'unsupported_media_type');
    expect(message).toContain('PNG');
    // An HTML page comes back as plain text under a .txt name, never as HTML.
    const page = await uploaded(F.tokens.c1, Buffer.from('<script>alert(1)</script>'), 'index.html');
    expect(page).toMatchObject({ name: 'index.html.txt', mime: 'text/plain; charset=utf-8' });
  });

  it('refuses a file over the limit with 413 and an empty one with 400', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(LIMIT, 0x20)]);
    await expectError(await upload(F.tokens.c1, big, 'big.pdf'), 413, 'payload_too_large');
    await expectError(await upload(F.tokens.c1, Buffer.alloc(0), 'empty.txt'), 400, 'invalid_request');
    expect((await t.get('/api/health')).status).toBe(200);
  });

  it('answers 401 to a missing or unknown token, before reading the body', async () => {
    await expectError(await upload(null, PNG), 401, 'unauthenticated');
    await expectError(await upload('not-a-token-of-anyone-at-all', PNG), 401, 'unauthenticated');
    await expectError(await fetch(`${t.url}/api/attachments/${newId()}`), 401, 'unauthenticated');
  });

  it('names the bad id of a download, and answers 404 for an unknown one', async () => {
    const message = await expectError(await download(F.tokens.c1, '..%2F..%2Fetc%2Fpasswd'), 400, 'invalid_request');
    expect(message).toContain('id');
    await expectError(await download(t.tokens.admin, newId()), 404, 'not_found');
  });

  it('holds at most 20 unsent uploads per person: the next is 429 until one is sent', async () => {
    const customer = await t.newCustomer();
    const refs = [];
    for (let i = 0; i < MAX_UNSENT_UPLOADS; i += 1) refs.push(await uploaded(customer.token, Buffer.from(`note ${i}`), `${i}.txt`));
    await expectError(await upload(customer.token, PNG, 'one-more.png'), 429, 'too_many_requests');
    // Someone else is not affected.
    await uploaded(F.tokens.c3, PNG, 'mine.png');
    await t.post('/api/customer/messages', { queueId: F.queueX, attachmentIds: [refs[0]?.id] }, bearer(customer.token));
    await uploaded(customer.token, PNG, 'now-ok.png');
  });

  it('stores the same content once, however often it is uploaded', async () => {
    const bytes = Buffer.from(`same bytes ${newId()}`);
    const before = await storedFiles();
    const a = await uploaded(F.tokens.c3, bytes, 'a.txt');
    const b = await uploaded(t.tokens.p1, bytes, 'b.txt');
    expect(a.id).not.toBe(b.id);
    expect((await storedFiles()) - before).toBe(1);
  });
});

async function storedFiles(): Promise<number> {
  const root = join(t.dataDir, 'attachments');
  let count = 0;
  for (const folder of await readdir(root).catch(() => [] as string[])) count += (await readdir(join(root, folder))).length;
  return count;
}

describe('messages carrying attachments', () => {
  it('a customer sends an image without text; the assignee sees and reads it, another shop’s agent does not', async () => {
    const ref = await uploaded(F.tokens.c2, PNG, '订单截图.png');
    const sent = await t.customerSays('c2', F.queueA, '', { clientMessageId: newId() }).catch(() => null);
    expect(sent).toBeNull(); // blank text needs an attachment
    const response = await t.post('/api/customer/messages', { queueId: F.queueA, attachmentIds: [ref.id] }, bearer(F.tokens.c2));
    expect(response.status).toBe(200);
    const { conversationId } = (await response.json()) as { conversationId: string };
    await t.apply('mA', 'conversations.accept', { conversationId });

    const pulled = (await t.everything('mA')).rows.find((r) => r.entity === 'messages' && MessageSchema.parse(r.data).conversationId === conversationId);
    expect(MessageSchema.parse(pulled?.data).attachments).toEqual([ref]);
    expect((await download(t.tokens.mA, ref.id)).status).toBe(200);
    await expectError(await download(t.tokens.mB, ref.id), 404, 'not_found');
    await expectError(await download(t.tokens.p1, ref.id), 404, 'not_found');
    await expectError(await download(F.tokens.c1, ref.id), 404, 'not_found');
  });

  it('an agent replies with a file the customer then downloads; a file goes out once, and only its uploader sends it', async () => {
    const customer = await t.newCustomer();
    const { conversationId } = await t.customerSays(customer, F.queueX, '发票怎么开？');
    await t.apply('p1', 'conversations.accept', { conversationId });
    const ref = await uploaded(t.tokens.p1, PDF, '电子发票.pdf');

    const rows = await t.apply('p1', 'messages.send', { conversationId, text: '发票在附件里', attachmentIds: [ref.id] });
    expect(MessageSchema.parse(rows.find((r) => r.entity === 'messages')?.data).attachments).toEqual([ref]);
    const history = await t.get(`/api/customer/conversations/${conversationId}/messages`, bearer(customer.token));
    const messages = CustomerMessagesResponseSchema.parse(await history.json()).messages;
    expect(messages.at(-1)).toMatchObject({ senderKind: 'agent', body: '发票在附件里', attachments: [ref] });
    expect(Buffer.from(await (await download(customer.token, ref.id)).arrayBuffer())).toEqual(PDF);

    const again = await t.act('p1', 'messages.send', { conversationId, text: 'again', attachmentIds: [ref.id] });
    expect(again).toMatchObject({ status: 'rejected', code: 'conflict' });
    const foreign = await uploaded(F.tokens.c4, PNG);
    const stolen = await t.act('p1', 'messages.send', { conversationId, text: 'look', attachmentIds: [foreign.id] });
    expect(stolen).toMatchObject({ status: 'rejected', code: 'not_found' });
    // A rejected send leaves the file free for its uploader.
    const customerSend = await t.post('/api/customer/messages', { conversationId, queueId: F.queueX, attachmentIds: [foreign.id] }, bearer(customer.token));
    await expectError(customerSend, 404, 'not_found');
  });

  it('names the field of bad attachment ids', async () => {
    const response = await t.post('/api/customer/messages', { queueId: F.queueX, text: 'x', attachmentIds: ['bad id!'] }, bearer(F.tokens.c1));
    expect(await expectError(response, 400, 'invalid_request')).toContain('attachmentIds');
    const tooMany = await t.act('p1', 'messages.send', { conversationId: newId(), text: 'x', attachmentIds: Array.from({ length: 11 }, () => newId()) });
    expect(tooMany).toMatchObject({ status: 'rejected', code: 'invalid_args' });
    expect(tooMany.status === 'rejected' && tooMany.message).toContain('attachmentIds');
  });
});
