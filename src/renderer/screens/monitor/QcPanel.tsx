import { Button, Card, Col, Empty, Flex, List, Row, Table, Tag, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QcReviewItem } from '../../../shared/api/monitor';
import type { QcPass } from '../../../shared/api/monitorCharts';
import { useShell } from '../../app/shell';
import { useReportError } from '../../components/useReportError';
import { useCoreQuery } from '../../state/useCoreQuery';
import { formatRate } from './format';
import { useMonitorCharts } from './useMonitorCharts';

/**
 * The open QC flags of the lead's teams, live (read again whenever a flag syncs), each with the
 * flagged message between its neighbours (masked by the server); the lead confirms or dismisses.
 * The pass rates per agent and shop follow the verdicts.
 */
export function QcPanel() {
  const { t } = useTranslation();
  const items = useCoreQuery<QcReviewItem[]>(
    [],
    (rpc) => rpc.monitor['qc.list']({ status: 'open' }),
    (rpc, again) => [
      rpc.on('entities.changed', ({ entities }) => {
        if (entities.includes('qc_flags')) again();
      }),
    ],
    [],
  );
  const charts = useMonitorCharts();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        {items.length === 0 ? (
          <Empty data-testid="qc-empty" description={t('monitor.qc.empty')} />
        ) : (
          <List data-testid="qc-list" dataSource={items} renderItem={(item) => <QcItem key={item.flag.id} item={item} />} />
        )}
      </Col>
      <Col xs={24} xl={9}>
        <Card size="small" title={t('monitor.qc.passRate')}>
          <PassTable title={t('monitor.qc.byAgent')} rows={charts?.qcPass.agents ?? []} testId="qc-pass-agents" />
          <PassTable
            title={t('monitor.qc.byShop')}
            rows={(charts?.qcPass.shops ?? []).map((s) => (s.id === 'platform' ? { ...s, name: t('monitor.qc.platform') } : s))}
            testId="qc-pass-shops"
          />
        </Card>
      </Col>
    </Row>
  );
}

function QcItem({ item }: { item: QcReviewItem }) {
  const { t } = useTranslation();
  const { rpc } = useShell();
  const { token } = theme.useToken();
  const report = useReportError();
  const [busy, setBusy] = useState(false);
  const review = async (verdict: 'confirmed' | 'dismissed') => {
    setBusy(true);
    try {
      await rpc.qc.review({ flagId: item.flag.id, verdict });
    } catch (error) {
      report(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <List.Item
      data-testid="qc-item"
      data-flag={item.flag.id}
      actions={[
        <Button key="c" size="small" danger loading={busy} data-testid="qc-confirm" onClick={() => void review('confirmed')}>
          {t('monitor.qc.confirm')}
        </Button>,
        <Button key="d" size="small" loading={busy} data-testid="qc-dismiss" onClick={() => void review('dismissed')}>
          {t('monitor.qc.dismiss')}
        </Button>,
      ]}
    >
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Flex gap={6} align="center">
          <Tag color={item.flag.side === 'agent' ? 'red' : 'orange'}>{t(`monitor.qc.side.${item.flag.side}`)}</Tag>
          <Typography.Text type="secondary">
            {t('monitor.qc.rule')}: {item.flag.ruleId}
          </Typography.Text>
        </Flex>
        {item.context.map((m) => (
          // Chat text is rendered as text, never HTML; the server masked personal data.
          <Typography.Text
            key={m.id}
            data-flagged={m.flagged ? 'true' : undefined}
            style={{ whiteSpace: 'pre-wrap', background: m.flagged ? token.colorWarningBg : undefined, padding: '0 4px' }}
          >
            <Typography.Text type="secondary">{m.senderKind}:</Typography.Text> {m.body}
          </Typography.Text>
        ))}
      </Flex>
    </List.Item>
  );
}

function PassTable({ title, rows, testId }: { title: string; rows: QcPass[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table<QcPass>
      data-testid={testId}
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={rows}
      columns={[
        { key: 'name', title, dataIndex: 'name' },
        { key: 'handled', title: t('monitor.qc.handled'), dataIndex: 'handled' },
        { key: 'failed', title: t('monitor.qc.failed'), dataIndex: 'failed' },
        { key: 'rate', title: t('monitor.qc.passRate'), render: (_, r) => formatRate(r.rate), sorter: (a, b) => (a.rate ?? -1) - (b.rate ?? -1) },
      ]}
    />
  );
}
