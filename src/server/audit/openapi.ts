import { UnmaskedExportRequestSchema, UnmaskedExportResponseSchema } from '../../shared/api/exportAudit';
import type { ApiOperation } from '../openapi/operations';

export const AUDIT_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'post',
    path: '/api/history/exports/unmasked',
    summary: 'Record an unmasked evidence export in the audit log (leads and admins), then return the clear contact fields it needs',
    caller: 'user',
    body: UnmaskedExportRequestSchema,
    responses: { 200: UnmaskedExportResponseSchema },
  },
];
