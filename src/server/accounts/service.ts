import { randomUUID } from 'node:crypto';
import type { ServerUser } from '../../shared/api/auth';
import { hashPassword, verifyPassword } from './passwords';
import type { AccountsStore, UserRecord } from './store';
import { LoginThrottle } from './throttle';
import { bearerToken, hashSessionToken, newSessionToken } from './tokens';

export const DEFAULT_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** A valid (known, unexpired, unrevoked) session and whose it is. */
export interface AuthSession {
  tokenHash: string;
  user: ServerUser;
  expiresAt: number;
}

export type LoginResult =
  | { ok: true; token: string; expiresAt: number; user: ServerUser }
  | { ok: false; reason: 'invalid_credentials' }
  | { ok: false; reason: 'too_many_attempts'; retryAfterMs: number };

export interface NewAccount {
  username: string;
  displayName: string;
  role: ServerUser['role'];
  teamKind: ServerUser['teamKind'];
  password: string;
}

export interface AccountsServiceOptions {
  store: AccountsStore;
  now: () => number;
  sessionTtlMs?: number;
}

/** What leaves the server about a user: never the password hash. */
export function publicUser(record: UserRecord): ServerUser {
  const { id, username, displayName, role, teamKind } = record;
  return { id, username, displayName, role, teamKind };
}

/** Sign-in, sign-out and "who holds this token": the rules, with storage and clock injected. */
export class AccountsService {
  private readonly store: AccountsStore;
  private readonly now: () => number;
  private readonly ttlMs: number;
  private readonly throttle: LoginThrottle;
  private readonly revokedListeners = new Set<(tokenHash: string) => void>();
  private dummyHash: Promise<string> | null = null;

  constructor(options: AccountsServiceOptions) {
    this.store = options.store;
    this.now = options.now;
    this.ttlMs = options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS;
    this.throttle = new LoginThrottle({ now: options.now });
  }

  async login(username: string, password: string): Promise<LoginResult> {
    const retryAfterMs = this.throttle.retryAfterMs(username);
    if (retryAfterMs > 0) return { ok: false, reason: 'too_many_attempts', retryAfterMs };

    // Counted before the (slow) password check, so a burst of parallel guesses cannot all
    // pass the limit check first; a success wipes it again below.
    this.throttle.recordFailure(username);

    const record = this.store.userByUsername(username);
    // Unknown users still cost one scrypt, so response time does not reveal which names exist.
    let valid = false;
    if (record) valid = await verifyPassword(password, record.passwordHash);
    else await verifyPassword(password, await this.unknownUserHash());
    if (!record || !valid) return { ok: false, reason: 'invalid_credentials' };
    this.throttle.recordSuccess(username);

    const token = newSessionToken();
    const createdAt = this.now();
    const expiresAt = createdAt + this.ttlMs;
    this.store.insertSession({ tokenHash: hashSessionToken(token), userId: record.id, createdAt, expiresAt });
    return { ok: true, token, expiresAt, user: publicUser(record) };
  }

  /** The session behind a bearer token, or null when unknown, expired or revoked. */
  authenticate(token: string): AuthSession | null {
    const tokenHash = hashSessionToken(token);
    const session = this.store.session(tokenHash);
    if (!session || session.revokedAt !== null || session.expiresAt <= this.now()) return null;
    const user = this.store.userById(session.userId);
    if (!user) return null;
    return { tokenHash, user: publicUser(user), expiresAt: session.expiresAt };
  }

  /** authenticate() for an `Authorization` header value. */
  authenticateHeader(header: string | string[] | undefined): AuthSession | null {
    const token = bearerToken(header);
    return token ? this.authenticate(token) : null;
  }

  /** Revokes the session and tells listeners (the WebSocket hub closes its sockets). */
  logout(session: AuthSession): void {
    if (this.store.revokeSession(session.tokenHash, this.now())) {
      for (const listener of this.revokedListeners) listener(session.tokenHash);
    }
  }

  onSessionRevoked(listener: (tokenHash: string) => void): () => void {
    this.revokedListeners.add(listener);
    return () => this.revokedListeners.delete(listener);
  }

  /** Creates accounts in one transaction; hashing happens first so the write lock is held briefly. */
  async createAccounts(accounts: readonly NewAccount[]): Promise<ServerUser[]> {
    const createdAt = this.now();
    const records: UserRecord[] = await Promise.all(
      accounts.map(async (a) => ({
        id: randomUUID(),
        username: a.username,
        displayName: a.displayName,
        role: a.role,
        teamKind: a.teamKind,
        passwordHash: await hashPassword(a.password),
        createdAt,
      })),
    );
    this.store.insertUsers(records);
    return records.map(publicUser);
  }

  private unknownUserHash(): Promise<string> {
    this.dummyHash ??= hashPassword(newSessionToken());
    return this.dummyHash;
  }
}
