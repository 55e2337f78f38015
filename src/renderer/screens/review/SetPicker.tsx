import { Alert, Button, DatePicker, Flex, Input, List, Popconfirm, Progress, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewFilter, ReviewProgress, ReviewSetView } from '../../../shared/domain/reviews';
import type { Directory } from '../history/useDirectory';

export interface SetPickerProps {
  directory: Directory;
  sets: ReviewSetView[];
  setId: string | null;
  preparing: boolean;
  progress: ReviewProgress | null;
  onPrepare(name: string, filter: ReviewFilter, setId?: string): void;
  onOpen(setId: string): void;
  onDelete(setId: string): void;
}

const megabytes = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

function today(): { from: number; to: number } {
  const start = new Date();
  start.setHours(0, 0, 0, 0);
  return { from: start.getTime(), to: start.getTime() + 86_400_000 - 1 };
}

/**
 * What to make available offline (a queue and/or shop, the dates — today unless picked — and
 * optionally an agent), the download's progress bar, and the sets already kept offline with
 * their size.
 */
export function SetPicker({ directory, sets, setId, preparing, progress, onPrepare, onOpen, onDelete }: SetPickerProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<ReviewFilter>(today);
  const [name, setName] = useState('');
  const queueName = filter.queueId ? directory.names.queue(filter.queueId) : t('review.anyQueue');
  const defaultName = `${queueName} ${new Date(filter.from).toLocaleDateString()}`;
  const choose = (testId: string, field: 'queueId' | 'shopId' | 'agentId', placeholder: string, options: { value: string; label: string }[]) => (
    <Select
      data-testid={testId}
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={placeholder}
      value={filter[field]}
      onChange={(value?: string) => setFilter({ ...filter, [field]: value })}
      options={options}
    />
  );
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;

  return (
    <Flex vertical gap={8} data-testid="review-set-picker" style={{ width: 300, minWidth: 300 }}>
      <Typography.Text strong>{t('review.filterTitle')}</Typography.Text>
      {choose('review-queue', 'queueId', t('review.anyQueue'), directory.queues.map((q) => ({ value: q.id, label: q.name })))}
      {choose('review-shop', 'shopId', t('review.anyShop'), directory.shops.map((s) => ({ value: s.id, label: s.name })))}
      {choose('review-agent', 'agentId', t('review.anyAgent'), directory.agents.map((a) => ({ value: a.id, label: a.displayName })))}
      <DatePicker.RangePicker
        data-testid="review-dates"
        placeholder={[new Date(filter.from).toLocaleDateString(), new Date(filter.to).toLocaleDateString()]}
        onChange={(dates) => {
          const [from, to] = [dates?.[0]?.startOf('day').valueOf(), dates?.[1]?.endOf('day').valueOf()];
          setFilter({ ...filter, ...(from !== undefined && to !== undefined ? { from, to } : today()) });
        }}
      />
      <Input data-testid="review-name" placeholder={defaultName} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
      <Button data-testid="review-prepare" type="primary" loading={preparing} onClick={() => onPrepare(name.trim() || defaultName, filter)}>
        {t('review.prepare')}
      </Button>
      {progress && (
        <div data-testid="review-progress" data-phase={progress.phase}>
          <Progress percent={progress.phase === 'done' ? 100 : percent} status={progress.phase === 'failed' ? 'exception' : progress.phase === 'done' ? 'success' : 'active'} />
          <Typography.Text type="secondary" data-testid="review-progress-text">
            {progress.phase === 'failed' ? t('review.prepareFailed', { message: progress.error ?? '' }) : t('review.preparing', { done: progress.done, total: progress.total })}
          </Typography.Text>
        </div>
      )}
      <Typography.Text strong>{t('review.sets')}</Typography.Text>
      {sets.length === 0 ? (
        <Alert type="info" title={t('review.noSets')} data-testid="review-no-sets" />
      ) : (
        <List
          size="small"
          data-testid="review-sets"
          dataSource={sets}
          renderItem={(set) => (
            <List.Item
              data-testid="review-set"
              data-set={set.id}
              data-state={set.state}
              style={{ cursor: 'pointer', fontWeight: set.id === setId ? 600 : undefined }}
              onClick={() => set.state === 'ready' && onOpen(set.id)}
              actions={[
                <Button key="refresh" size="small" type="link" disabled={preparing} onClick={() => onPrepare(set.name, set.filter, set.id)}>
                  {t('review.refresh')}
                </Button>,
                <Popconfirm key="delete" title={t('review.deleteConfirm')} okButtonProps={{ danger: true, ...{ 'data-testid': 'review-delete-confirm' } }} onConfirm={() => onDelete(set.id)}>
                  <Button size="small" type="link" danger data-testid="review-delete" disabled={preparing} onClick={(event) => event.stopPropagation()}>
                    {t('review.delete')}
                  </Button>
                </Popconfirm>,
              ]}
            >
              <Flex vertical>
                <Typography.Text ellipsis>{set.name}</Typography.Text>
                <Flex gap={4} align="center">
                  <Tag color={set.state === 'ready' ? 'green' : set.state === 'failed' ? 'red' : 'blue'}>{t(`review.setState.${set.state}`)}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('review.setSize', { conversations: set.conversations, rows: set.rows, size: megabytes(set.bytes) })}
                  </Typography.Text>
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}
