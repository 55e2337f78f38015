import { Empty, Flex, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState } from '../../../app/shell';
import { cannedContext, fillCannedVariables } from '../../chat/composer/cannedVariables';
import { searchCanned } from '../../chat/composer/cannedSearch';
import { kbAnswer } from '../../chat/composer/kbAnswer';
import { useCannedReplies } from '../../chat/composer/useCannedReplies';
import { useActiveConversation } from '../useActiveConversation';
import { useWorkstation } from '../workstationContext';
import { InsertRow } from './InsertRow';
import { useLatestCustomerText } from './useLatestCustomerText';
import { useKbSearch } from '../../chat/composer/useKbSearch';

/**
 * Suggestions for the customer's latest message in the open chat: the top 3 KB answers (the
 * core's KB ranking, which the bot uses too) and the top 3 canned replies, one click to insert.
 */
export function AssistPanel() {
  const { t } = useTranslation();
  const conversation = useActiveConversation();
  const agentName = useAppState((s) => s.session?.displayName ?? '');
  const insert = useWorkstation((s) => s.insert);
  const replies = useCannedReplies();
  const question = useLatestCustomerText(conversation?.id ?? null);
  const kb = useKbSearch(question, 3);
  const canned = useMemo(() => (question ? searchCanned(question, replies, 3) : []), [question, replies]);
  if (!conversation || !question) {
    return <Empty data-testid="empty-assist" image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('panels.assistEmpty')} />;
  }
  const fill = (body: string) => fillCannedVariables(body, cannedContext(conversation, agentName));
  return (
    <Flex vertical gap={8} data-testid="assist-panel">
      <Typography.Text type="secondary" ellipsis>
        {t('panels.assistFor', { text: question })}
      </Typography.Text>
      {kb.length + canned.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('panels.assistNone')} />}
      {kb.map((hit) => (
        <InsertRow key={hit.article.id} testId="assist-kb" badge={hit.article.category} title={hit.article.title} preview={hit.snippet} disabled={false} onInsert={() => insert(kbAnswer(hit.article))} />
      ))}
      {canned.map((reply) => (
        <InsertRow key={reply.id} testId="assist-canned" badge={`/${reply.shortcut}`} title={reply.title} preview={fill(reply.body)} disabled={false} onInsert={() => insert(fill(reply.body))} />
      ))}
    </Flex>
  );
}
