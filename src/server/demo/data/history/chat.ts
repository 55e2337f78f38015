import type { Rng } from '../random';
import type { Agent, Channel, ConversationStatus, DemoEvent, MessageKind, Sender } from '../schema';
import { fill, placeholders, type Vars } from '../text';

/** A message before ids are known. `trim` marks lines that may go when a chat runs over the length cap (higher goes first). */
export interface DraftMessage {
  sender: Sender;
  agentId?: string;
  kind: MessageKind;
  text: string;
  at: number;
  articleId?: string;
  event?: DemoEvent;
  trim?: number;
}

export interface DraftConversation {
  /** Set once all conversations are sorted by start time. */
  id?: string;
  customerId: string;
  queueId: string;
  originQueueId?: string;
  channel: Channel;
  shopId?: string;
  orderId?: string;
  agentId?: string;
  status: ConversationStatus;
  category: string;
  csat?: number;
  escalated: boolean;
  messages: DraftMessage[];
}

/** The longest conversation the demo writes; optional lines are trimmed to fit. */
export const MAX_MESSAGES = 14;

/** Picks a line whose placeholders all have values, and fills it. */
export function line(rng: Rng, lines: readonly string[], vars: Vars): string {
  const usable = lines.filter((l) => placeholders(l).every((k) => vars[k] !== undefined));
  if (usable.length === 0) throw new Error(`no usable line among ${JSON.stringify(lines)}`);
  return fill(rng.pick(usable), vars);
}

/**
 * Writes one conversation's messages on a clock that only moves forward: every call waits a
 * plausible gap (seconds, drawn from [min, max]) before the message lands.
 */
export class ChatScript {
  readonly messages: DraftMessage[] = [];
  private first = true;

  constructor(
    private readonly rng: Rng,
    public t: number,
  ) {}

  /** Moves the clock on by [min, max] seconds. */
  wait(minSeconds: number, maxSeconds: number): this {
    this.t += this.rng.int(minSeconds * 1000, maxSeconds * 1000);
    return this;
  }

  private add(message: Omit<DraftMessage, 'at'>, gap: [number, number]): this {
    if (!this.first) this.wait(gap[0], gap[1]);
    this.first = false;
    this.messages.push({ ...message, at: this.t });
    return this;
  }

  customer(text: string, trim?: number): this {
    return this.add({ sender: 'customer', kind: 'text', text, ...(trim ? { trim } : {}) }, [12, 80]);
  }

  agent(agent: Agent, text: string, trim?: number): this {
    return this.add({ sender: 'agent', agentId: agent.id, kind: 'text', text, ...(trim ? { trim } : {}) }, [15, 95]);
  }

  note(agent: Agent, text: string, trim?: number): this {
    return this.add({ sender: 'agent', agentId: agent.id, kind: 'note', text, ...(trim ? { trim } : {}) }, [5, 40]);
  }

  bot(text: string, articleId?: string): this {
    return this.add({ sender: 'bot', kind: 'text', text, ...(articleId ? { articleId } : {}) }, [1, 3]);
  }

  event(event: DemoEvent, text: string, trim?: number): this {
    return this.add({ sender: 'system', kind: 'event', text, event, ...(trim ? { trim } : {}) }, [0, 2]);
  }

  /** The messages within the length cap: drops trimmable lines, highest `trim` first, latest first among equals. */
  finish(max = MAX_MESSAGES): DraftMessage[] {
    const out = this.messages.slice();
    while (out.length > max) {
      let drop = -1;
      for (let i = out.length - 1; i >= 0; i--) {
        const rank = out[i]?.trim ?? 0;
        if (rank > 0 && (drop < 0 || rank > (out[drop]?.trim ?? 0))) drop = i;
      }
      if (drop < 0) throw new Error(`conversation of ${out.length} messages cannot be trimmed to ${max}`);
      out.splice(drop, 1);
    }
    return out.map(({ trim: _trim, ...m }) => m);
  }
}

/** Trim ranks: what goes first when a chat is too long. */
export const TRIM = { note: 1, close: 2, ack: 3, csat: 4, picked: 5, bye: 6 } as const;
