import type { z } from 'zod';
import type { RoleSchema, TeamKindSchema } from '../../shared/domain/session';

export type Role = z.infer<typeof RoleSchema>;
export type TeamKind = z.infer<typeof TeamKindSchema>;
