/*
 * JSON text columns (tags, skills, items …). Written by this server only, but a hand-edited or
 * corrupted value must not take a pull down: it reads as the fallback instead.
 */

export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function stringArray(text: string | null | undefined): string[] {
  const value = parseJson<unknown>(text, []);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
