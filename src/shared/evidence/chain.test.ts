import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical';
import { sha256Hex, toBase64 } from './digest';
import { GENESIS_INPUT, sealBundle, verifyBundle } from './chain';
import type { EvidenceBundle } from './bundle';
import { unsealed } from './testing';

const sealed = () => sealBundle(unsealed());
const kinds = (bundle: unknown) => {
  const result = verifyBundle(bundle);
  return result.ok ? [] : result.problems.map(({ index, kind }) => ({ index, kind }));
};

describe('canonical JSON', () => {
  it('sorts keys by code unit, drops undefined members and writes no whitespace', () => {
    expect(canonicalJson({ b: [1, 'x', null], a: { d: true, c: undefined }, B: 1.5 })).toBe('{"B":1.5,"a":{"d":true},"b":[1,"x",null]}');
    expect(canonicalJson({ '中': 1, z: 2 })).toBe('{"z":2,"中":1}');
    expect(canonicalJson('line\n"q"')).toBe('"line\\n\\"q\\""');
  });

  it('refuses values with no canonical form', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson(10n)).toThrow(TypeError);
  });
});

describe('sealing and verifying', () => {
  it('chains each message onto the one before from the genesis value, and the digest is over the header', () => {
    const bundle = sealed();
    const { link: _l, ...first } = bundle.messages[0]!;
    expect(bundle.messages[0]!.link).toBe(sha256Hex((sha256Hex(GENESIS_INPUT)) + canonicalJson(first)));
    expect(bundle.header.chainHead).toBe(bundle.messages.at(-1)!.link);
    expect(bundle.digest).toBe(sha256Hex(canonicalJson(bundle.header)));
    expect(bundle.messages.map((m) => m.position)).toEqual([0, 1, 2, 3, 4]);
  });

  it('verifies a bundle that went through JSON text and back', () => {
    const bundle = sealed();
    expect(verifyBundle(JSON.parse(JSON.stringify(bundle)))).toEqual({ ok: true, digest: bundle.digest });
  });

  it('names an edited message', () => {
    const bundle = sealed();
    bundle.messages[2]!.body = '手机 13900000000';
    expect(kinds(bundle)).toEqual([{ index: 2, kind: 'edited' }]);
  });

  it('names an edited message even when the forger recomputed its link', () => {
    const bundle = sealed();
    const { link: _l, ...content } = { ...bundle.messages[1]!, body: '没有这回事' };
    bundle.messages[1] = { ...content, link: sha256Hex(bundle.messages[0]!.link + canonicalJson(content)) };
    expect(kinds(bundle)).toEqual([{ index: 2, kind: 'edited' }]);
  });

  it('names a deleted message where it is missing, also the last one', () => {
    const middle = sealed();
    middle.messages.splice(3, 1);
    expect(kinds(middle)).toEqual([{ index: 3, kind: 'deleted' }]);
    const last = sealed();
    last.messages.pop();
    expect(kinds(last)).toEqual([{ index: 4, kind: 'deleted' }]);
  });

  it('names two swapped messages as reordered', () => {
    const bundle = sealed();
    [bundle.messages[1], bundle.messages[2]] = [bundle.messages[2]!, bundle.messages[1]!];
    expect(kinds(bundle)).toEqual([
      { index: 1, kind: 'reordered' },
      { index: 2, kind: 'reordered' },
    ]);
  });

  it('names an inserted message, whether it claims a used position, a new one, or was chained by a forger', () => {
    const bundle = sealed();
    const fake = { ...bundle.messages[2]!, id: 'm-fake', body: '我同意不退款' };
    const duplicate = structuredClone(bundle);
    duplicate.messages.splice(2, 0, fake);
    expect(kinds(duplicate)).toEqual([{ index: 2, kind: 'inserted' }]);

    const appended = structuredClone(bundle);
    appended.messages.push({ ...fake, position: 5 });
    expect(kinds(appended)).toEqual([{ index: 5, kind: 'inserted' }]);

    const chained = structuredClone(bundle);
    const { link: _l, ...content } = fake;
    chained.messages.splice(2, 0, { ...content, link: sha256Hex(bundle.messages[1]!.link + canonicalJson(content)) });
    expect(kinds(chained)).toEqual([{ index: 2, kind: 'inserted' }]);
  });

  it('names a changed header, and changed conversation data the header committed to', () => {
    const header = sealed();
    header.header.masked = false;
    expect(kinds(header)).toEqual([{ index: null, kind: 'header' }]);
    const content = sealed();
    content.conversations[0]!.conversation.status = 'assigned';
    expect(kinds(content)).toEqual([{ index: null, kind: 'header' }]);
  });

  it('names an included attachment whose bytes were swapped', () => {
    const input = unsealed();
    const bytes = new TextEncoder().encode('receipt');
    input.messages[1]!.attachments = [{ id: 'att-1', name: 'receipt.png', mime: 'image/png', size: bytes.length, sha256: sha256Hex(bytes) }];
    input.files = { 'att-1': toBase64(bytes) };
    const bundle = sealBundle(input);
    expect(verifyBundle(bundle)).toMatchObject({ ok: true });
    bundle.files['att-1'] = toBase64(new TextEncoder().encode('forged!'));
    expect(kinds(bundle)).toEqual([{ index: 1, kind: 'edited' }]);
  });

  it('names fields outside the format, which no hash covers', () => {
    const bundle = sealed();
    expect(kinds({ ...bundle, messages: bundle.messages.map((m, i) => (i === 1 ? { ...m, refundApproved: true } : m)) })).toEqual([
      { index: null, kind: 'header' },
    ]);
  });

  it('answers a malformed bundle with the field at fault, not a crash', () => {
    const bundle: Partial<EvidenceBundle> = sealed();
    delete bundle.digest;
    expect(verifyBundle(bundle)).toEqual({ ok: false, problems: [{ index: null, kind: 'header', detail: expect.stringContaining('digest') }] });
    expect(verifyBundle('not a bundle')).toMatchObject({ ok: false, problems: [{ kind: 'header' }] });
  });
});
