import type { Role, TeamKind } from './roles';

/*
 * Who a signed-in user is for the purpose of "which rows may they see and change"
 * (docs/sync-protocol.md, Scope). Computed from the user's role, team kind, shop and team
 * memberships; the per-entity rules themselves are SQL predicates (predicates.ts), so pull,
 * push and every read route apply the very same rule.
 */

/** The four columns of the scope table. A lead of a merchant team is a lead with a shop. */
export type Audience = 'platform_agent' | 'merchant_agent' | 'lead' | 'admin';

export interface Scope {
  userId: string;
  role: Role;
  teamKind: TeamKind;
  /** the shop of a merchant user, null on the platform side */
  shopId: string | null;
  teamIds: readonly string[];
  audience: Audience;
}

/** What scopeFor needs to know about a user. */
export interface ScopeSubject {
  id: string;
  role: Role;
  teamKind: TeamKind;
  shopId: string | null;
}

export function scopeFor(user: ScopeSubject, teamIds: readonly string[]): Scope {
  const audience: Audience =
    user.role === 'admin' ? 'admin'
    : user.role === 'lead' ? 'lead'
    : user.teamKind === 'merchant' ? 'merchant_agent'
    : 'platform_agent';
  return { userId: user.id, role: user.role, teamKind: user.teamKind, shopId: user.shopId, teamIds: [...teamIds], audience };
}

/** Merchant users (agents and leads) never see another shop's rows nor platform-internal notes. */
export function isMerchant(scope: Scope): boolean {
  return scope.audience !== 'admin' && scope.teamKind === 'merchant';
}

/** Leads and admins may reveal a customer's contact fields (audited); agents never. */
export function canReveal(scope: Scope): boolean {
  return scope.role === 'lead' || scope.role === 'admin';
}

/** Leads and admins may act on conversations of their scope that are not assigned to them (reassign, resolve). */
export function supervises(scope: Scope): boolean {
  return scope.role === 'lead' || scope.role === 'admin';
}
