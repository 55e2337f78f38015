/**
 * Canonical JSON: the one byte string a value hashes to, wherever it is hashed (core, CLI,
 * browser). It is RFC 8785 (JCS) for the values a bundle holds:
 *
 *   - null, true, false as in JSON;
 *   - numbers finite only, written as ECMAScript writes them (JSON.stringify: 42, 1.5, 1e+21);
 *   - strings as JSON.stringify writes them (", \ and control characters escaped, nothing else;
 *     lone surrogates as \udXXX);
 *   - arrays in their order, `[a,b]`;
 *   - objects with their members sorted by key in UTF-16 code unit order (Array.prototype.sort),
 *     members whose value is undefined left out, `{"a":1,"b":2}`;
 *   - no whitespace anywhere.
 *
 * Anything else (NaN, Infinity, functions, bigint, symbols) throws: it has no canonical form.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no form for ${value}`);
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
      const record = value as Record<string, unknown>;
      const members = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON has no form for a ${typeof value}`);
  }
}
