// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { RPC_ERROR_CODES } from '../../shared/rpc/errors';
import { messages } from './resources';

/** Every leaf key of a resource tree, as `a.b.c`. */
function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value as object, `${prefix}${key}.`),
  );
}

describe('translations', () => {
  const zh = keysOf(messages['zh-CN']).sort();
  const en = keysOf(messages.en).sort();

  it('have the same keys in zh-CN and en', () => {
    expect(en.filter((key) => !zh.includes(key))).toEqual([]);
    expect(zh.filter((key) => !en.includes(key))).toEqual([]);
  });

  it('have no empty text', () => {
    for (const language of [messages['zh-CN'], messages.en]) {
      const empty = keysOf(language).filter((key) => {
        const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], language);
        return typeof text !== 'string' || text.trim() === '';
      });
      expect(empty).toEqual([]);
    }
  });

  it('have a message for every RPC error code', () => {
    for (const code of RPC_ERROR_CODES) expect(zh).toContain(`errors.${code}`);
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const at = (tree: object, key: string) =>
      key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree) as string;
    for (const key of zh) expect(placeholders(at(messages.en, key)), key).toEqual(placeholders(at(messages['zh-CN'], key)));
  });
});
