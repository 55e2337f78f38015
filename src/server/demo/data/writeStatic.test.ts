import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_STATIC_ANCHOR, generateDemoReference } from './generate';
import { formatDemoJson, readStaticDemoFiles, STATIC_DEMO_FILES, writeStaticDemoFiles } from './writeStatic';

const committed = fileURLToPath(new URL('../../../../resources/demo/', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'seatdesk-demo-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('writeStaticDemoFiles', () => {
  it('regenerates exactly the committed resources/demo files (regenerate them with writeStaticDemoFiles if this fails)', () => {
    const written = writeStaticDemoFiles(temp);
    expect(written.map((p) => p.slice(temp.length + 1)).sort()).toEqual(Object.keys(STATIC_DEMO_FILES).sort());
    for (const file of Object.keys(STATIC_DEMO_FILES)) {
      expect(readFileSync(join(temp, file), 'utf8'), file).toBe(readFileSync(join(committed, file), 'utf8'));
    }
  });

  it('keeps resources/demo under 1.5 MB', () => {
    const total = Object.keys(STATIC_DEMO_FILES).reduce((sum, file) => sum + statSync(join(committed, file)).size, 0);
    expect(total).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('reads the committed files back into the reference the generator makes', () => {
    expect(readStaticDemoFiles(committed)).toEqual(generateDemoReference({ anchor: DEMO_STATIC_ANCHOR }));
  });

  it('formats one record per line inside top-level arrays, as valid JSON', () => {
    const text = formatDemoJson({ rows: [{ a: 1 }, { a: 2 }], empty: [], n: 3 });
    expect(text).toBe('{\n  "rows": [\n    {"a":1},\n    {"a":2}\n  ],\n  "empty": [],\n  "n": 3\n}\n');
    expect(JSON.parse(text)).toEqual({ rows: [{ a: 1 }, { a: 2 }], empty: [], n: 3 });
  });
});
