/**
 * The searchable text of the entities that share the `entities` table: KB articles, canned
 * replies, customers (name, tags), orders (id) and tickets (title). Null: not searched.
 */
export function entityIndexText(entity: string, data: Record<string, unknown>): string | null {
  const text = (value: unknown): string => (typeof value === 'string' ? value : Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(' ') : '');
  switch (entity) {
    case 'kb':
      return [data.title, data.keywords, data.questions, data.body].map(text).join('\n');
    case 'canned':
      return [data.shortcut, data.title, data.body].map(text).join('\n');
    case 'customers':
      return [data.name, data.tags].map(text).join('\n');
    case 'orders':
      return text(data.id);
    case 'tickets':
      return [data.title, data.description].map(text).join('\n');
    default:
      return null;
  }
}
