import { describe, expect, it } from 'vitest';
import { DEMO_SEED, DEMO_STATIC_ANCHOR, generateDemoData, generateDemoHistory, generateDemoReference } from './generate';
import { DemoDataSchema, DemoReferenceSchema } from './schema';

describe('generateDemoData', () => {
  it('is deterministic: the same seed and anchor give byte-identical JSON', () => {
    const a = JSON.stringify(generateDemoData({ anchor: DEMO_STATIC_ANCHOR }));
    const b = JSON.stringify(generateDemoData({ seed: DEMO_SEED, anchor: DEMO_STATIC_ANCHOR }));
    expect(b).toBe(a);
  });

  it('gives different customers, orders, KB wording and history for a different seed', () => {
    const a = generateDemoData({ anchor: DEMO_STATIC_ANCHOR });
    const b = generateDemoData({ seed: DEMO_SEED + 1, anchor: DEMO_STATIC_ANCHOR });
    expect(JSON.stringify(b.customers)).not.toBe(JSON.stringify(a.customers));
    expect(JSON.stringify(b.history)).not.toBe(JSON.stringify(a.history));
    expect(JSON.stringify(b.kb)).not.toBe(JSON.stringify(a.kb));
    // The organisation and canned replies are fixed content.
    expect(b.org).toEqual(a.org);
    expect(b.canned).toEqual(a.canned);
  });

  it('keeps org, KB and canned replies when only the anchor moves', () => {
    const a = generateDemoReference({ anchor: DEMO_STATIC_ANCHOR });
    const b = generateDemoReference({ anchor: DEMO_STATIC_ANCHOR + 40 * 86_400_000 });
    expect(b.org).toEqual(a.org);
    expect(b.kb).toEqual(a.kb);
    expect(b.canned).toEqual(a.canned);
    expect(b.customers.customers.map((c) => c.name)).toEqual(a.customers.customers.map((c) => c.name));
  });

  it('parses with the zod schemas it declares', () => {
    const data = generateDemoData({ anchor: DEMO_STATIC_ANCHOR });
    expect(() => DemoDataSchema.parse(data)).not.toThrow();
    // Parsing changes nothing: no stray keys (zod strips them), nothing defaulted.
    expect(DemoDataSchema.parse(data)).toEqual(data);
  });

  it('writes the same history against a parsed copy of the reference (the static files path)', () => {
    const data = generateDemoData({ anchor: DEMO_STATIC_ANCHOR });
    const reference = DemoReferenceSchema.parse(JSON.parse(JSON.stringify({ ...data, history: undefined })));
    expect(generateDemoHistory(reference)).toEqual(data.history);
  });

  it('also works for an anchor of today, as the seeding does', () => {
    const anchor = Date.UTC(2027, 2, 14, 3, 25, 0);
    const data = generateDemoData({ anchor });
    expect(data.meta.anchor).toBe(anchor);
    expect(data.history.conversations.every((c) => c.closedAt < anchor)).toBe(true);
  });

  it('rejects an anchor that is not epoch milliseconds and a non-integer seed', () => {
    expect(() => generateDemoData({ anchor: Number.NaN })).toThrow(RangeError);
    expect(() => generateDemoData({ anchor: 1_000 })).toThrow(RangeError);
    expect(() => generateDemoData({ seed: 1.5, anchor: DEMO_STATIC_ANCHOR })).toThrow(RangeError);
  });

  it('generates the whole set in well under 2 seconds', () => {
    generateDemoData({ anchor: DEMO_STATIC_ANCHOR }); // warm up the JIT
    const started = performance.now();
    const data = generateDemoData({ anchor: DEMO_STATIC_ANCHOR });
    const ms = performance.now() - started;
    const messages = data.history.conversations.reduce((n, c) => n + c.messages.length, 0);
    console.log(`demo data: ${data.history.conversations.length} conversations, ${messages} messages, ${data.history.tickets.length} tickets in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(2000);
  });
});
