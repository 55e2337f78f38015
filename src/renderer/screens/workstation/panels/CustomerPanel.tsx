import { Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerProfile } from '../../../../shared/domain/workstation';
import { maskPii } from '../../../../shared/text';
import { useCoreQuery } from '../../../state/useCoreQuery';
import { LevelTag } from '../LevelTag';
import { CustomerMarks } from './CustomerMarks';
import { CustomerTickets } from './CustomerTickets';

/**
 * The customer of the open chat: the profile as synced (contact fields arrive masked; masking
 * again here keeps anything a server sent in clear off the screen), level, tags and the VIP / KOC
 * marks, orders, past conversations and tickets.
 */
export function CustomerPanel({ customerId }: { customerId: string | null }) {
  const { t } = useTranslation();
  const profile = useCoreQuery<CustomerProfile | null>(
    null,
    (rpc) => (customerId ? rpc.customers.get({ customerId }) : null),
    (rpc, again) => [
      rpc.on('entities.changed', ({ entities }) => {
        if (entities.includes('customers') || entities.includes('orders')) again();
      }),
      // A conversation of the customer started or ended: the past conversations changed.
      rpc.on('conversations.changed', again),
    ],
    [customerId],
  );

  if (!customerId || !profile) {
    return <Empty data-testid="empty-customer" image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workstation.customerEmpty')} />;
  }
  const { customer, orders, conversations } = profile;
  const masked = (value: string | null) => (value ? maskPii(value) : '—');
  return (
    <Flex vertical gap={12} data-testid="customer-panel">
      <Flex align="center" gap={6}>
        <Typography.Text strong data-testid="customer-name">
          {customer.name}
        </Typography.Text>
        <LevelTag level={customer.level} />
      </Flex>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('customer.phone')}>
          <span data-testid="customer-phone">{masked(customer.phone)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('customer.email')}>{masked(customer.email)}</Descriptions.Item>
        <Descriptions.Item label={t('customer.address')}>{masked(customer.address)}</Descriptions.Item>
      </Descriptions>
      <CustomerMarks customerId={customer.id} level={customer.level} />
      {customer.tags.length > 0 && (
        <Flex gap={4} wrap>
          {customer.tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </Flex>
      )}
      <Typography.Text strong>{t('customer.orders')}</Typography.Text>
      {orders.length === 0 ? (
        <Typography.Text type="secondary">{t('customer.noOrders')}</Typography.Text>
      ) : (
        orders.map((order) => (
          <Flex key={order.id} vertical data-testid="customer-order">
            <Typography.Text>
              {order.id} · <Tag>{t(`orderStatus.${order.status}`)}</Tag> ¥{order.total.toFixed(2)}
            </Typography.Text>
            <Typography.Text type="secondary" ellipsis>
              {order.items.map((item) => `${item.name}×${item.qty}`).join('，')}
            </Typography.Text>
          </Flex>
        ))
      )}
      <Typography.Text strong>{t('customer.past')}</Typography.Text>
      {conversations.length === 0 ? (
        <Typography.Text type="secondary">{t('customer.noPast')}</Typography.Text>
      ) : (
        conversations.slice(0, 20).map((c) => (
          <Typography.Text key={c.id} type="secondary">
            {new Date(c.createdAt).toLocaleDateString()} · {t(`status.${c.status}`)}
            {c.category ? ` · ${c.category}` : ''}
          </Typography.Text>
        ))
      )}
      <CustomerTickets customerId={customer.id} />
    </Flex>
  );
}
