import type { z } from 'zod';
import { ENTITY_DATA_SCHEMAS, SyncRowSchema, type SyncRow } from '../../../shared/api/sync';
import { quickCheck, type QuickCheck } from './quickCheck';

const quickRow = quickCheck(SyncRowSchema);
const quickData = new Map<string, QuickCheck>(Object.entries(ENTITY_DATA_SCHEMAS).map(([entity, schema]) => [entity, quickCheck(schema)]));

/**
 * Keeps the rows that are well formed: the row envelope, and `data` against its entity's schema
 * when the entity has one yet (entities without a schema are stored as received). A bad row is
 * logged and skipped: one broken row must not stop a workstation from syncing the rest. A row the
 * compiled check passes is kept as it is; only the others go through zod (which says what is wrong).
 */
export function validRows(raw: readonly unknown[], log: (message: string) => void = console.warn): SyncRow[] {
  const rows: SyncRow[] = [];
  for (const candidate of raw) {
    if (quickRow(candidate) && quickData.get((candidate as SyncRow).entity)?.((candidate as SyncRow).data) !== false) {
      rows.push(candidate as SyncRow);
      continue;
    }
    const row = SyncRowSchema.safeParse(candidate);
    if (!row.success) {
      log(`[sync] skipped a malformed row: ${row.error.issues[0]?.path.join('.')} ${row.error.issues[0]?.message}`);
      continue;
    }
    const schema = (ENTITY_DATA_SCHEMAS as Partial<Record<string, z.ZodType>>)[row.data.entity];
    const data = schema?.safeParse(row.data.data);
    if (data && !data.success) {
      const issue = data.error.issues[0];
      log(`[sync] skipped ${row.data.entity} ${row.data.id}: data.${issue?.path.join('.')} ${issue?.message}`);
      continue;
    }
    rows.push(row.data);
  }
  return rows;
}
