/**
 * Reads the fields an `invalid_args` error names. The core words them as
 * `path: message; path: message` (see the dispatcher); only the top-level field is kept.
 */
export function invalidFields(message: string): string[] {
  const fields = new Set<string>();
  for (const part of message.split('; ')) {
    const colon = part.indexOf(': ');
    if (colon <= 0) continue;
    const field = part.slice(0, colon).split('.')[0]?.trim();
    if (field && field !== 'args') fields.add(field);
  }
  return [...fields];
}
