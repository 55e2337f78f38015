import type { Commit } from '../db/writer';
import { scopeFor, type Scope } from './scope';
import type { ScopeReads } from './store';

/**
 * Hands out scopes by user id, cached because push asks for every connected user on every
 * commit. Any commit that touched the agent directory (a role, shop or membership change always
 * re-stamps the user) clears the cache, so a stale scope never outlives the commit that changed it.
 */
export class ScopeResolver {
  private readonly cache = new Map<string, Scope | null>();

  constructor(private readonly reads: ScopeReads) {}

  /** The user's scope, or null when the user is unknown or deleted. */
  scopeFor(userId: string): Scope | null {
    if (this.cache.has(userId)) return this.cache.get(userId) ?? null;
    const subject = this.reads.subject(userId);
    const scope = subject ? scopeFor(subject, this.reads.teamIdsOf(userId)) : null;
    this.cache.set(userId, scope);
    return scope;
  }

  /** Wire to Writer.onCommit. */
  readonly onCommit = (commit: Commit): void => {
    if (commit.entities.has('agents') || commit.entities.has('teams')) this.cache.clear();
  };
}
