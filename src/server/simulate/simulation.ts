import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { CustomerMessageResponseSchema, CustomerQueuesResponseSchema, CustomerSessionResponseSchema } from '../../shared/api/customerChat';
import { createRng, type Rng } from '../demo/data/random';
import { customerScript, type ScriptQueue } from './script';

/*
 * Simulated customers against a running server, through the same API the widget uses: each has a
 * customer session and a live socket, picks a queue and talks through a script; a global pace
 * sets how many messages per second all of them send together. A message counts as answered
 * when a bot or agent reply arrives in its conversation after it.
 */

export interface SimulationOptions {
  /** base URL of the server, e.g. http://127.0.0.1:4700 */
  server: string;
  customers: number;
  /** messages per second, all customers together */
  rate: number;
  seed?: string;
}

export interface SimulationStats {
  customers: number;
  connected: number;
  conversations: number;
  sent: number;
  answered: number;
  failed: number;
  /** failures by reason (an HTTP status, or the network error) */
  failures: Record<string, number>;
}

interface Customer {
  token: string;
  socket: WebSocket | null;
  queue: ScriptQueue;
  lines: string[];
  conversationId: string | null;
  /** messages sent since the last reply */
  unanswered: number;
  busy: boolean;
}

/** How often the pacer runs; each run sends what the rate allows since the last. */
const TICK_MS = 50;
/** Sessions and sockets opened at once while starting, so a big run does not stampede the server. */
const CONNECT_BATCH = 50;
/**
 * Messages on their way at once. Past it the pace waits: a server slower than the rate shows as a
 * lower msg/s instead of thousands of queued connections timing out.
 */
const MAX_IN_FLIGHT = 64;

export class Simulation {
  private readonly rng: Rng;
  private readonly customers: Customer[] = [];
  private queues: ScriptQueue[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  private credit = 0;
  private stopped = false;
  private readonly inflight = new Set<Promise<void>>();
  private readonly counts = { conversations: 0, sent: 0, answered: 0, failed: 0 };
  private readonly failures: Record<string, number> = {};

  constructor(private readonly options: SimulationOptions) {
    this.rng = createRng(options.seed ?? 'simulate');
  }

  /** Opens every customer's session and socket, then starts the pace. */
  async start(): Promise<void> {
    const response = await fetch(`${this.options.server}/api/customer/queues`);
    if (!response.ok) throw new Error(`GET /api/customer/queues answered ${response.status}`);
    this.queues = CustomerQueuesResponseSchema.parse(await response.json()).queues.filter((q) => q.channels.includes('chat'));
    if (this.queues.length === 0) throw new Error('the server has no chat queues a customer may write to');
    for (let i = 0; i < this.options.customers && !this.stopped; i += CONNECT_BATCH) {
      const batch = Math.min(CONNECT_BATCH, this.options.customers - i);
      this.customers.push(...(await Promise.all(Array.from({ length: batch }, () => this.join()))));
    }
    if (this.stopped) return;
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    // Messages already on their way are counted before the sockets go.
    await Promise.all(this.inflight);
    await Promise.all(
      this.customers.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (!c.socket || c.socket.readyState === WebSocket.CLOSED) return resolve();
            c.socket.once('close', () => resolve());
            c.socket.close(1000, 'simulation over');
          }),
      ),
    );
  }

  stats(): SimulationStats {
    return {
      customers: this.customers.length,
      connected: this.customers.filter((c) => c.socket?.readyState === WebSocket.OPEN).length,
      ...this.counts,
      failures: { ...this.failures },
    };
  }

  private async join(): Promise<Customer> {
    const response = await fetch(`${this.options.server}/api/customer/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: `模拟用户${this.rng.int(1000, 9999)}` }),
    });
    if (!response.ok) throw new Error(`POST /api/customer/sessions answered ${response.status}`);
    const session = CustomerSessionResponseSchema.parse(await response.json());
    const customer: Customer = { token: session.token, socket: null, ...this.newScript(), conversationId: null, unanswered: 0, busy: false };
    customer.socket = await this.connect(customer);
    return customer;
  }

  private connect(customer: Customer): Promise<WebSocket> {
    const socket = new WebSocket(`${this.options.server.replace(/^http/, 'ws')}/api/customer/ws`, {
      headers: { authorization: `Bearer ${customer.token}` },
    });
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { t: string; name?: string; payload?: { message?: { conversationId: string; senderKind: string } } };
      const message = frame.t === 'event' && frame.name === 'messages.changed' ? frame.payload?.message : undefined;
      if (!message || message.conversationId !== customer.conversationId) return;
      if ((message.senderKind === 'agent' || message.senderKind === 'bot') && customer.unanswered > 0) {
        this.counts.answered += customer.unanswered;
        customer.unanswered = 0;
      }
    });
    socket.on('error', () => undefined); // counted through readyState in stats()
    return new Promise((resolve) => {
      socket.once('message', () => resolve(socket)); // the hello
      socket.once('close', () => resolve(socket));
    });
  }

  private newScript(): { queue: ScriptQueue; lines: string[] } {
    const queue = this.rng.pick(this.queues);
    return { queue, lines: customerScript(queue, this.rng) };
  }

  private tick(): void {
    this.credit = Math.min(this.credit + (this.options.rate * TICK_MS) / 1000, this.options.rate);
    while (this.credit >= 1 && this.inflight.size < MAX_IN_FLIGHT) {
      const idle = this.customers.filter((c) => !c.busy);
      if (idle.length === 0) return;
      this.credit -= 1;
      const sending = this.say(this.rng.pick(idle));
      this.inflight.add(sending);
      void sending.finally(() => this.inflight.delete(sending));
    }
  }

  private async say(customer: Customer): Promise<void> {
    customer.busy = true;
    if (customer.lines.length === 0) {
      Object.assign(customer, this.newScript(), { conversationId: null, unanswered: 0 });
    }
    const text = customer.lines.shift() ?? '在吗？';
    try {
      const response = await fetch(`${this.options.server}/api/customer/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${customer.token}` },
        body: JSON.stringify({
          queueId: customer.queue.id,
          text,
          clientMessageId: randomUUID(),
          ...(customer.conversationId ? { conversationId: customer.conversationId } : {}),
        }),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const answer = CustomerMessageResponseSchema.parse(await response.json());
      if (answer.created) this.counts.conversations += 1;
      customer.conversationId = answer.conversationId;
      customer.unanswered += 1;
      this.counts.sent += 1;
    } catch (error) {
      this.counts.failed += 1;
      // fetch's own message is only "fetch failed": the cause says what (ECONNRESET, a timeout …).
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      const reason = cause instanceof Error ? ((cause as { code?: string }).code ?? cause.message) : String(cause);
      this.failures[reason] = (this.failures[reason] ?? 0) + 1;
    } finally {
      customer.busy = false;
    }
  }
}
