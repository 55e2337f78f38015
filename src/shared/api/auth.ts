import { z } from 'zod';
import { RoleSchema, TeamKindSchema } from '../domain/session';

/** HTTP API of the server for accounts (src/server serves it, src/main/core calls it). */
export const ServerUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  teamKind: TeamKindSchema,
});
export type ServerUser = z.infer<typeof ServerUserSchema>;

/** POST /api/auth/login */
export const LoginRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export const LoginResponseSchema = z.object({
  token: z.string().min(20),
  expiresAt: z.number(),
  user: ServerUserSchema,
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

/** GET /api/me */
export const MeResponseSchema = z.object({ user: ServerUserSchema, expiresAt: z.number() });

/** GET /api/health */
export const HealthResponseSchema = z.object({
  ok: z.literal(true),
  name: z.literal('seatdesk-server'),
  version: z.string(),
  time: z.number(),
});

/** Error body of every non-2xx answer. */
export const ApiErrorSchema = z.object({ error: z.string(), message: z.string() });
export type ApiError = z.infer<typeof ApiErrorSchema>;

/** First frame the server sends on GET /api/ws once the bearer token is accepted. */
export const WsHelloSchema = z.object({ t: z.literal('hello'), user: ServerUserSchema, serverTime: z.number() });

/** WebSocket close code the server uses when the token is missing, expired or revoked. */
export const WS_CLOSE_UNAUTHENTICATED = 4401;
