import { z } from 'zod';

export const RoleSchema = z.enum(['agent', 'lead', 'admin']);
export const TeamKindSchema = z.enum(['platform', 'merchant']);

/** The signed-in user as the workstation sees it. The session token never leaves the core. */
export const SessionInfoSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  teamKind: TeamKindSchema,
  serverUrl: z.string(),
  expiresAt: z.number(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

export const ServerUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'server URL must be an http:// or https:// address');

export const LoginArgsSchema = z.object({
  serverUrl: ServerUrlSchema,
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
