// The router's persisted form, and a strict reader for it: a snapshot read back from disk after a
// crash is outside input, so a damaged one fails loudly here instead of corrupting routing later.
import type { AgentState, Offer, Presence, WaitingItem } from './types';

export const SNAPSHOT_VERSION = 1;

export interface SavedAgent extends AgentState {
  held: { conversationId: string; queueId?: string }[];
  /** The grace period ran out and the chats were released; nothing more to release on restore. */
  released?: boolean;
}

export interface RouterSnapshot {
  version: typeof SNAPSHOT_VERSION;
  savedAt: number;
  agents: SavedAgent[];
  /** In serving order. */
  waiting: { item: WaitingItem; atHead: boolean }[];
  offers: Offer[];
}

export class SnapshotError extends Error {
  constructor(path: string, expected: string) {
    super(`router snapshot: ${path} should be ${expected}`);
    this.name = 'SnapshotError';
  }
}

const PRESENCES: readonly Presence[] = ['online', 'busy', 'away', 'offline'];

type Json = Record<string, unknown>;

function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SnapshotError(path, 'an object');
  return value as Json;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new SnapshotError(path, 'an array');
  return value;
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new SnapshotError(path, 'a string');
  return value;
}

function number(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new SnapshotError(path, 'a finite number');
  return value;
}

function optional<T>(value: unknown, path: string, read: (value: unknown, path: string) => T): T | undefined {
  return value === undefined ? undefined : read(value, path);
}

function strings(value: unknown, path: string): string[] {
  return array(value, path).map((entry, index) => string(entry, `${path}[${index}]`));
}

/** Drops undefined optional fields so restored objects look like the ones that were saved. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

function readAgent(value: unknown, path: string): SavedAgent {
  const raw = object(value, path);
  const presence = string(raw.presence, `${path}.presence`) as Presence;
  if (!PRESENCES.includes(presence)) throw new SnapshotError(`${path}.presence`, PRESENCES.join(' | '));
  return compact({
    id: string(raw.id, `${path}.id`),
    teamIds: strings(raw.teamIds, `${path}.teamIds`),
    shopId: optional(raw.shopId, `${path}.shopId`, string),
    skills: strings(raw.skills, `${path}.skills`),
    presence,
    awayReason: optional(raw.awayReason, `${path}.awayReason`, string),
    maxConcurrent: optional(raw.maxConcurrent, `${path}.maxConcurrent`, number),
    activeCount: number(raw.activeCount, `${path}.activeCount`),
    lastAssignedAt: optional(raw.lastAssignedAt, `${path}.lastAssignedAt`, number),
    disconnectedAt: optional(raw.disconnectedAt, `${path}.disconnectedAt`, number),
    released: raw.released === true ? true : undefined,
    held: array(raw.held, `${path}.held`).map((entry, index) => {
      const held = object(entry, `${path}.held[${index}]`);
      return compact({
        conversationId: string(held.conversationId, `${path}.held[${index}].conversationId`),
        queueId: optional(held.queueId, `${path}.held[${index}].queueId`, string),
      });
    }),
  });
}

function readItem(value: unknown, path: string): WaitingItem {
  const raw = object(value, path);
  return compact({
    conversationId: string(raw.conversationId, `${path}.conversationId`),
    queueId: string(raw.queueId, `${path}.queueId`),
    enqueuedAt: number(raw.enqueuedAt, `${path}.enqueuedAt`),
    priority: optional(raw.priority, `${path}.priority`, number),
    declinedBy: strings(raw.declinedBy, `${path}.declinedBy`),
  });
}

function readOffer(value: unknown, path: string): Offer {
  const raw = object(value, path);
  return {
    conversationId: string(raw.conversationId, `${path}.conversationId`),
    queueId: string(raw.queueId, `${path}.queueId`),
    agentId: string(raw.agentId, `${path}.agentId`),
    offeredAt: number(raw.offeredAt, `${path}.offeredAt`),
    expiresAt: number(raw.expiresAt, `${path}.expiresAt`),
  };
}

/** Checks a snapshot (already JSON.parse'd) field by field; throws SnapshotError naming the bad field. */
export function parseSnapshot(value: unknown): RouterSnapshot {
  const raw = object(value, 'snapshot');
  if (raw.version !== SNAPSHOT_VERSION) throw new SnapshotError('snapshot.version', String(SNAPSHOT_VERSION));
  return {
    version: SNAPSHOT_VERSION,
    savedAt: number(raw.savedAt, 'snapshot.savedAt'),
    agents: array(raw.agents, 'snapshot.agents').map((agent, index) => readAgent(agent, `snapshot.agents[${index}]`)),
    waiting: array(raw.waiting, 'snapshot.waiting').map((entry, index) => {
      const waiting = object(entry, `snapshot.waiting[${index}]`);
      return { item: readItem(waiting.item, `snapshot.waiting[${index}].item`), atHead: waiting.atHead === true };
    }),
    offers: array(raw.offers, 'snapshot.offers').map((offer, index) => readOffer(offer, `snapshot.offers[${index}]`)),
  };
}
