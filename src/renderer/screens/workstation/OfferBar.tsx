import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OfferView } from '../../../shared/domain/workstation';
import { useShell } from '../../app/shell';
import { useNow } from '../../components/useNow';
import { useReportError } from '../../components/useReportError';
import { useWorkstation } from './workstationContext';

/** The chats the router offers to this agent, each with its countdown, accept and decline. */
export function OfferBar() {
  const offers = useWorkstation((s) => s.offers);
  const now = useNow(500);
  const live = offers.filter((offer) => offer.expiresAt > now);
  if (live.length === 0) return null;
  return (
    <Flex vertical gap={4} style={{ padding: '8px 16px 0' }} data-testid="offer-bar">
      {live.map((offer) => (
        <OfferLine key={offer.conversationId} offer={offer} now={now} />
      ))}
    </Flex>
  );
}

/** The customer's name from the offer (the server sends its customer row; the contract leaves it untyped). */
function customerName(customer: unknown): string | null {
  const name = typeof customer === 'object' && customer !== null ? (customer as { name?: unknown }).name : null;
  return typeof name === 'string' && name.trim() ? name : null;
}

function OfferLine({ offer, now }: { offer: OfferView; now: number }) {
  const { t } = useTranslation();
  const { rpc } = useShell();
  const report = useReportError();
  const queueName = useWorkstation((s) => s.queues.find((q) => q.id === offer.queueId)?.name ?? offer.queueId);
  const open = useWorkstation((s) => s.open);
  const id = { conversationId: offer.conversationId };
  const seconds = Math.max(0, Math.ceil((offer.expiresAt - now) / 1000));
  return (
    <Alert
      data-testid="offer"
      data-conversation={offer.conversationId}
      type="info"
      showIcon
      title={t('offers.incoming', { customer: customerName(offer.customer) ?? t('list.unknownCustomer'), queue: queueName, seconds })}
      action={
        <Flex gap={6}>
          <Button
            size="small"
            type="primary"
            data-testid="offer-accept"
            onClick={() => {
              open(offer.conversationId);
              void rpc.conversations.accept(id).catch(report);
            }}
          >
            {t('offers.accept')}
          </Button>
          <Button size="small" data-testid="offer-decline" onClick={() => void rpc.conversations.decline(id).catch(report)}>
            {t('offers.decline')}
          </Button>
        </Flex>
      }
    />
  );
}
