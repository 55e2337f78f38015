import { z } from 'zod';
import type { OfferView } from '../../../shared/domain/workstation';
import { WsEventFrameSchema } from '../../../shared/api/sync';
import type { EventHub } from '../rpc/eventHub';

const OfferSchema = z.object({ conversationId: z.string(), queueId: z.string(), expiresAt: z.number(), customer: z.unknown() });
const WithdrawnSchema = z.object({ conversationId: z.string() });

/**
 * The conversations the router offers to this agent, from the server's live `offers.changed` /
 * `offers.withdrawn` events. Offers are live state: kept in memory, never cached.
 */
export class OfferBook {
  private readonly offers = new Map<string, OfferView>();

  constructor(
    private readonly hub: EventHub,
    private readonly now: () => number = Date.now,
  ) {}

  list(): OfferView[] {
    const now = this.now();
    return [...this.offers.values()].filter((offer) => offer.expiresAt > now);
  }

  /** A server frame: an offer made or withdrawn. Anything else is ignored. */
  frame(frame: unknown): void {
    const event = WsEventFrameSchema.safeParse(frame);
    if (!event.success) return;
    if (event.data.name === 'offers.changed') {
      const offer = OfferSchema.safeParse(event.data.payload);
      if (!offer.success) return;
      this.offers.set(offer.data.conversationId, offer.data);
    } else if (event.data.name === 'offers.withdrawn') {
      const withdrawn = WithdrawnSchema.safeParse(event.data.payload);
      if (!withdrawn.success || !this.offers.delete(withdrawn.data.conversationId)) return;
    } else {
      return;
    }
    this.hub.emit('offers.changed', this.list());
  }

  /** The user answered the offer (accept or decline): it is no longer open. */
  answered(conversationId: string): void {
    if (this.offers.delete(conversationId)) this.hub.emit('offers.changed', this.list());
  }
}
