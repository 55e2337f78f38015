import { Button, DatePicker, Flex, Input, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConversationStatusSchema } from '../../../shared/domain/conversations';
import { ChannelSchema } from '../../../shared/domain/org';
import type { Directory } from './useDirectory';
import type { HistoryFilters as Filters } from './historyStore';

export interface HistoryFiltersProps {
  filters: Filters;
  customerLabel: string | null;
  directory: Directory;
  onChange(patch: Partial<Filters>): void;
  onClear(): void;
}

/** A yes / no filter as a select with "any" (undefined) as its empty value. */
function YesNo({ testId, label, value, onChange }: { testId: string; label: string; value: boolean | undefined; onChange(value: boolean | undefined): void }) {
  const { t } = useTranslation();
  return (
    <Select
      data-testid={testId}
      allowClear
      placeholder={label}
      style={{ width: 130 }}
      value={value === undefined ? undefined : value ? 'yes' : 'no'}
      onChange={(next?: string) => onChange(next === undefined ? undefined : next === 'yes')}
      options={[
        { value: 'yes', label: `${label}: ${t('historyView.yes')}` },
        { value: 'no', label: `${label}: ${t('historyView.no')}` },
      ]}
    />
  );
}

/**
 * The search's filters. Each change searches again at once; the customer filter is taken from a
 * result or a transcript (a customer is found by name in the search box), shown here as a tag.
 */
export function HistoryFilters({ filters, customerLabel, directory, onChange, onClear }: HistoryFiltersProps) {
  const { t } = useTranslation();
  // The date picker keeps its own value; a new key empties it when the filters are cleared.
  const [pickerKey, setPickerKey] = useState(0);
  const [orderId, setOrderId] = useState(filters.orderId ?? '');
  const select = <F extends 'agentId' | 'queueId' | 'shopId' | 'channel' | 'status'>(
    testId: string,
    field: F,
    placeholder: string,
    options: { value: NonNullable<Filters[F]>; label: string }[],
  ) => (
    <Select
      data-testid={testId}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={placeholder}
      style={{ width: 140 }}
      value={filters[field]}
      onChange={(value?: Filters[F]) => onChange({ [field]: value })}
      options={options}
    />
  );

  return (
    <Flex wrap gap={8} data-testid="history-filters">
      <DatePicker.RangePicker
        key={pickerKey}
        data-testid="filter-dates"
        placeholder={[t('historyView.from'), t('historyView.to')]}
        onChange={(dates) => onChange({ from: dates?.[0]?.startOf('day').valueOf(), to: dates?.[1]?.endOf('day').valueOf() })}
      />
      {select('filter-agent', 'agentId', t('historyView.agent'), directory.agents.map((a) => ({ value: a.id, label: a.displayName })))}
      {select('filter-queue', 'queueId', t('historyView.queue'), directory.queues.map((q) => ({ value: q.id, label: q.name })))}
      {select('filter-shop', 'shopId', t('historyView.shop'), directory.shops.map((s) => ({ value: s.id, label: s.name })))}
      {select('filter-channel', 'channel', t('historyView.channelLabel'), ChannelSchema.options.map((c) => ({ value: c, label: t(`historyView.channel.${c}`) })))}
      {select('filter-status', 'status', t('historyView.status'), ConversationStatusSchema.options.map((s) => ({ value: s, label: t(`status.${s}`) })))}
      <Input.Search
        data-testid="filter-order"
        allowClear
        placeholder={t('historyView.orderId')}
        style={{ width: 180 }}
        value={orderId}
        onChange={(e) => {
          setOrderId(e.target.value);
          if (e.target.value === '') onChange({ orderId: undefined });
        }}
        onSearch={(value) => onChange({ orderId: value.trim() || undefined })}
      />
      <YesNo testId="filter-attachment" label={t('historyView.hasAttachment')} value={filters.hasAttachment} onChange={(hasAttachment) => onChange({ hasAttachment })} />
      <YesNo testId="filter-qc" label={t('historyView.qcFlagged')} value={filters.qcFlagged} onChange={(qcFlagged) => onChange({ qcFlagged })} />
      {filters.customerId && (
        <Tag data-testid="filter-customer" closable onClose={() => onChange({ customerId: undefined })} style={{ alignSelf: 'center' }}>
          {t('historyView.customer')}: {customerLabel ?? filters.customerId}
        </Tag>
      )}
      <Button
        data-testid="filter-clear"
        onClick={() => {
          setPickerKey((k) => k + 1);
          setOrderId('');
          onClear();
        }}
      >
        {t('historyView.clearFilters')}
      </Button>
    </Flex>
  );
}
