import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_SEED, DEMO_STATIC_ANCHOR, generateDemoReference, type GenerateOptions } from './generate';
import { DemoReferenceSchema, type DemoReference } from './schema';

/*
 * The static reference parts of the demo data, as committed in resources/demo. They are produced
 * by the generator only (a test regenerates them and compares byte for byte), never edited.
 * The history (conversations, tickets) is not written: it is generated at seed time.
 */

/** File name → the part of the reference it holds. */
export const STATIC_DEMO_FILES = {
  'meta.json': 'meta',
  'org.json': 'org',
  'kb.json': 'kb',
  'canned.json': 'canned',
  'customers.json': 'customers',
} as const satisfies Record<string, keyof DemoReference>;

export type StaticDemoFile = keyof typeof STATIC_DEMO_FILES;

/** JSON with one record per line inside top-level arrays: small, and readable in a diff. */
export function formatDemoJson(value: object): string {
  const entries = Object.entries(value).map(([key, v]) => {
    if (Array.isArray(v) && v.length > 0) return `  ${JSON.stringify(key)}: [\n${v.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`;
    return `  ${JSON.stringify(key)}: ${JSON.stringify(v)}`;
  });
  return `{\n${entries.join(',\n')}\n}\n`;
}

/** The text of each static file for a reference. */
export function staticDemoFileContents(reference: DemoReference): Record<StaticDemoFile, string> {
  const out = {} as Record<StaticDemoFile, string>;
  for (const [file, part] of Object.entries(STATIC_DEMO_FILES) as [StaticDemoFile, keyof DemoReference][]) {
    out[file] = formatDemoJson(reference[part]);
  }
  return out;
}

/** Writes meta/org/kb/canned/customers.json into `dir` (created if missing); returns the paths written. */
export function writeStaticDemoFiles(dir: string, options: GenerateOptions = { seed: DEMO_SEED, anchor: DEMO_STATIC_ANCHOR }): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(staticDemoFileContents(generateDemoReference(options))).map(([file, text]) => {
    const path = join(dir, file);
    writeFileSync(path, text, 'utf8');
    return path;
  });
}

/** Reads and validates the static files of `dir`. */
export function readStaticDemoFiles(dir: string): DemoReference {
  const raw: Record<string, unknown> = {};
  for (const [file, part] of Object.entries(STATIC_DEMO_FILES)) {
    raw[part] = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  }
  return DemoReferenceSchema.parse(raw);
}
