import {
  CustomerMessageResponseSchema,
  CustomerSessionResponseSchema,
  type CustomerMessageResponse,
  type CustomerSessionResponse,
} from '../../shared/api/customerChat';
import type { MutationResult, PullResponse, SyncRow } from '../../shared/api/sync';
import type { StartServerOptions } from '../app';
import { newId } from '../ids';
import { F, FIXTURE_PASSWORD, seedFixtureOrg, type FixtureUser } from './fixtures';
import { bearer, startTestServer, type TestServer } from './testServer';

export interface FixtureServer extends TestServer {
  /** bearer tokens of the fixture users, signed in */
  tokens: Record<FixtureUser, string>;
  /** POST /api/customer/sessions: a new anonymous customer */
  newCustomer(): Promise<CustomerSessionResponse>;
  /** POST /api/customer/messages as a fixture customer (or one from newCustomer), expecting 200 */
  customerSays(
    customer: keyof typeof F.tokens | { token: string },
    queueId: string,
    text: string,
    extra?: { conversationId?: string; clientMessageId?: string },
  ): Promise<CustomerMessageResponse>;
  /** one mutation as a fixture user (client id per user), returning its result */
  act(user: FixtureUser, name: string, args: unknown, id?: string): Promise<MutationResult>;
  /** act() that must be applied */
  apply(user: FixtureUser, name: string, args: unknown): Promise<SyncRow[]>;
  /** all rows the user sees, from the start */
  everything(user: FixtureUser): Promise<PullResponse>;
}

/** A test server holding the fixture organisation, with every fixture user signed in. */
export async function startFixtureServer(options: Partial<StartServerOptions> = {}): Promise<FixtureServer> {
  const t = await startTestServer({ demo: false, ...options });
  await seedFixtureOrg(t.internals, t.clock.time);
  const keys = Object.keys(F.users) as FixtureUser[];
  const logins = await Promise.all(keys.map((k) => t.login(k.toLowerCase(), FIXTURE_PASSWORD)));
  const tokens = Object.fromEntries(keys.map((k, i) => [k, logins[i]!.token])) as Record<FixtureUser, string>;

  const act: FixtureServer['act'] = async (user, name, args, id = newId()) => {
    const response = await t.mutate(tokens[user], `client-${user}`, [{ id, name, args }]);
    const result = response.results[0];
    if (!result) throw new Error('no result');
    return result;
  };

  return {
    ...t,
    tokens,
    async newCustomer() {
      const response = await t.post('/api/customer/sessions', {});
      if (response.status !== 200) throw new Error(`customer session failed: ${response.status} ${await response.text()}`);
      return CustomerSessionResponseSchema.parse(await response.json());
    },
    async customerSays(customer, queueId, text, extra = {}) {
      const token = typeof customer === 'string' ? F.tokens[customer] : customer.token;
      const response = await t.post('/api/customer/messages', { queueId, text, ...extra }, bearer(token));
      if (response.status !== 200) throw new Error(`customer message failed: ${response.status} ${await response.text()}`);
      return CustomerMessageResponseSchema.parse(await response.json());
    },
    act,
    async apply(user, name, args) {
      const result = await act(user, name, args);
      if (result.status !== 'applied') throw new Error(`${name} by ${user} was rejected: ${result.code} ${result.message}`);
      return result.rows;
    },
    everything: (user) => t.pullAll(tokens[user]),
  };
}

/** "entity:id" of each row, sorted, for set comparisons. */
export function keysOf(rows: readonly SyncRow[], entities?: readonly string[]): string[] {
  return [...new Set(rows.filter((r) => !entities || entities.includes(r.entity)).map((r) => `${r.entity}:${r.id}`))].sort();
}

/** ids of one entity among rows, sorted */
export function idsOf(rows: readonly SyncRow[], entity: string): string[] {
  return [...new Set(rows.filter((r) => r.entity === entity).map((r) => r.id))].sort();
}
