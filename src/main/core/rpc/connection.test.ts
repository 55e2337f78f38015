import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core';
import { MAX_FRAME_CHARS } from '../../../shared/rpc/protocol';
import { testCoreOptions } from '../../../../tests/support/memoryStores';

let core: Core;
afterEach(() => core?.close());

function open() {
  core = createCore(testCoreOptions());
  const sent: unknown[] = [];
  const rejected: string[] = [];
  const connection = core.connect({ id: 'w', kind: 'workstation' }, (text) => sent.push(JSON.parse(text)));
  return { connection, sent, rejected };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

const HOSTILE: unknown[] = [
  '',
  'not json',
  '{"t":',
  'null',
  '42',
  '"call"',
  '[]',
  '{}',
  '{"t":"call"}',
  '{"t":"call","id":-1,"m":"settings.get"}',
  '{"t":"call","id":1.5,"m":"settings.get"}',
  '{"t":"call","id":"1","m":"settings.get"}',
  '{"t":"call","id":1e400,"m":"settings.get"}',
  '{"t":"sub","e":"__proto__"}',
  '{"t":"sub","e":"no.such"}',
  '{"t":"unsub","e":"constructor"}',
  '{"t":"cancel","id":999}',
  '{"t":"evt","e":"settings.changed","p":{}}',
  '{"__proto__":{"t":"call"},"id":1}',
  JSON.stringify({ t: 'call', id: 1, m: 'x'.repeat(1000) }),
  null,
  undefined,
  12,
  {},
  new Uint8Array([0xff, 0xfe, 0x00]),
  'x'.repeat(MAX_FRAME_CHARS + 1),
];

describe('core connection against hostile frames', () => {
  it('drops malformed frames without throwing and keeps serving', async () => {
    const { connection, sent } = open();
    for (const frame of HOSTILE) expect(() => connection.receive(frame)).not.toThrow();
    await settle();
    // The only answer goes to the one call frame that carries a usable id (its method name is overlong).
    expect(sent).toEqual([{ t: 'res', id: 1, r: expect.objectContaining({ ok: false, code: 'invalid_args' }) }]);

    connection.receive(JSON.stringify({ t: 'call', id: 7, m: 'settings.get' }));
    await settle();
    expect(sent.at(-1)).toMatchObject({ t: 'res', id: 7, r: { ok: true, value: { language: 'zh-CN' } } });
  });

  it('answers an oversized call by its id with too_large', async () => {
    const { connection, sent } = open();
    connection.receive(`{"t":"call","id":5,"m":"settings.set","a":{"x":"${'y'.repeat(MAX_FRAME_CHARS)}"}}`);
    await settle();
    expect(sent).toEqual([{ t: 'res', id: 5, r: expect.objectContaining({ ok: false, code: 'too_large' }) }]);
  });

  it('refuses a second call with an id still in flight', async () => {
    const { connection, sent } = open();
    const login = { t: 'call', id: 3, m: 'session.login', a: { serverUrl: 'http://127.0.0.1:9', username: 'a', password: 'b' } };
    connection.receive(JSON.stringify(login));
    connection.receive(JSON.stringify(login));
    await settle();
    expect(sent[0]).toMatchObject({ t: 'res', id: 3, r: { ok: false, code: 'conflict' } });
  });

  it('sends nothing after close and cancels what was in flight', async () => {
    const { connection, sent } = open();
    connection.receive(JSON.stringify({ t: 'sub', e: 'settings.changed' }));
    connection.receive(JSON.stringify({ t: 'call', id: 1, m: 'settings.get' }));
    connection.close();
    connection.receive(JSON.stringify({ t: 'call', id: 2, m: 'settings.get' }));
    await settle();
    expect(sent).toEqual([]);
  });
});
