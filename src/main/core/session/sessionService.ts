import { z } from 'zod';
import { SessionInfoSchema, type SessionInfo } from '../../../shared/domain/session';
import type { ServerUser } from '../../../shared/api/auth';
import { RpcError } from '../../../shared/rpc/errors';
import type { EventHub } from '../rpc/eventHub';
import type { SecretStore } from '../ports';
import type { ServerLink } from '../sync/serverLink';
import * as api from './serverApi';

export const SECRET_KEY = 'session';
const StoredSessionSchema = z.object({ token: z.string(), info: SessionInfoSchema });
type StoredSession = z.infer<typeof StoredSessionSchema>;

function toSessionInfo(user: ServerUser, serverUrl: string, expiresAt: number): SessionInfo {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    teamKind: user.teamKind,
    serverUrl,
    expiresAt,
  };
}

/**
 * Who is signed in. The token stays in the core (kept by the host's SecretStore: safeStorage in
 * Electron); windows only ever see SessionInfo. A saved session is restored at start even when
 * the server is unreachable, so the workstation opens offline on its cache.
 */
export class SessionService {
  private stored: StoredSession | null = null;

  constructor(
    private readonly secrets: SecretStore,
    private readonly hub: EventHub,
    private readonly link: ServerLink,
    private readonly now: () => number = Date.now,
  ) {}

  current(): SessionInfo | null {
    return this.stored?.info ?? null;
  }

  /** What the core's sync needs to talk to the server as this user; never handed to a window. */
  credentials(): { serverUrl: string; token: string; userId: string } | null {
    const stored = this.stored;
    return stored ? { serverUrl: stored.info.serverUrl, token: stored.token, userId: stored.info.userId } : null;
  }

  /** Restores the saved session, if any and not expired, and starts the server link. */
  restore(): void {
    const raw = this.secrets.get(SECRET_KEY);
    if (!raw) return;
    let saved: StoredSession | null = null;
    try {
      const parsed = StoredSessionSchema.safeParse(JSON.parse(raw));
      if (parsed.success && parsed.data.info.expiresAt > this.now()) saved = parsed.data;
    } catch {
      // an unreadable secret is as good as none
    }
    if (!saved) {
      this.secrets.set(SECRET_KEY, null);
      return;
    }
    this.stored = saved;
    this.link.start(saved.info.serverUrl, saved.token);
  }

  async login(serverUrl: string, username: string, password: string, signal?: AbortSignal): Promise<SessionInfo> {
    const base = new URL(serverUrl).origin;
    const answer = await api.login(base, username, password, signal);
    if (this.stored) await this.logout();
    this.stored = { token: answer.token, info: toSessionInfo(answer.user, base, answer.expiresAt) };
    this.secrets.set(SECRET_KEY, JSON.stringify(this.stored));
    this.link.start(base, answer.token);
    this.hub.emit('session.changed', this.stored.info);
    return this.stored.info;
  }

  async logout(): Promise<void> {
    const stored = this.stored;
    if (!stored) throw new RpcError('unauthenticated', 'nobody is signed in');
    this.end();
    // Revoking on the server is best effort: offline, the token still expires on its own.
    await api.logout(stored.info.serverUrl, stored.token).catch(() => {});
  }

  /** The server no longer accepts the token (expired or revoked elsewhere). */
  expire(): void {
    if (this.stored) this.end();
  }

  private end(): void {
    this.stored = null;
    this.secrets.set(SECRET_KEY, null);
    this.link.stop();
    this.hub.emit('session.changed', null);
  }
}
