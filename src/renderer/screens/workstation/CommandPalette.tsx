import { Empty, Flex, Input, Modal, Tag, Typography, theme } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShell } from '../../app/shell';
import { fuzzyRank } from '../chat/composer/fuzzy';
import { kbAnswer } from '../chat/composer/kbAnswer';
import { useKbSearch } from '../chat/composer/useKbSearch';
import type { Summaries } from '../../state/conversationPatch';
import type { WorkstationState } from '../../state/workstationStore';
import { useWorkstation } from './workstationContext';

/** How far down each list the palette searches: the most recent conversations of each. */
const REACH = 500;
const NONE: Summaries = {};
const reachable = (ids: WorkstationState['ids']) => [...new Set([...ids.mine, ...ids.waiting_customer.slice(0, REACH), ...ids.resolved_today.slice(0, REACH)])];

interface Command {
  key: string;
  group: 'conversation' | 'kb' | 'action';
  label: string;
  detail: string;
  run(): void;
}

/**
 * Ctrl/Cmd+K: jump to a conversation (by customer, order or id), insert a KB article, or run an
 * action, all by typing. ↑/↓ move, Enter runs, Esc closes.
 */
export function CommandPalette({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { openWindow, rpc } = useShell();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const ids = useWorkstation((s) => s.ids);
  // Closed, it follows no summaries: scrolling a long list (which reads them) renders nothing here.
  const summaries = useWorkstation((s) => (open ? s.summaries : NONE));
  const want = useWorkstation((s) => s.want);
  const openChat = useWorkstation((s) => s.open);
  const insert = useWorkstation((s) => s.insert);
  const activeId = useWorkstation((s) => s.activeId);
  const kb = useKbSearch(open ? query : '', 5);

  const commands = useMemo<Command[]>(() => {
    const conversations = reachable(ids).flatMap((id) => summaries[id] ?? []);
    const actions: Command[] = [
      { key: 'a-settings', group: 'action', label: t('palette.openSettings'), detail: '', run: () => openWindow({ kind: 'settings' }) },
      { key: 'a-history', group: 'action', label: t('palette.openHistory'), detail: '', run: () => openWindow({ kind: 'history' }) },
      ...(['online', 'busy', 'away'] as const).map((presence) => ({
        key: `a-presence-${presence}`,
        group: 'action' as const,
        label: t('palette.presence', { presence: t(`presence.${presence}`) }),
        detail: '',
        run: () => void rpc.presence.set({ presence }).catch(() => undefined),
      })),
      ...(activeId ? [{ key: 'a-popout', group: 'action' as const, label: t('actions.popOut'), detail: '', run: () => openWindow({ kind: 'chat', conversationId: activeId }) }] : []),
    ];
    const matching = fuzzyRank(
      query,
      [...conversations.map((c) => ({ key: `c-${c.id}`, group: 'conversation' as const, label: c.customer?.name ?? c.id, detail: [c.orderId, c.lastMessage?.body].filter(Boolean).join(' · '), run: () => openChat(c.id) })), ...actions],
      [(c) => c.label, (c) => c.detail, (c) => c.key],
      12,
    );
    const articles = kb.map((hit) => ({ key: `k-${hit.article.id}`, group: 'kb' as const, label: hit.article.title, detail: hit.snippet, run: () => insert(kbAnswer(hit.article)) }));
    return [...matching, ...(activeId ? articles : [])];
  }, [ids, summaries, query, kb, activeId, t, openWindow, rpc, openChat, insert]);
  // The conversations it searches are read when it opens (the lists only read the rows shown).
  useEffect(() => {
    if (open) want(reachable(ids));
  }, [open, ids, want]);

  const close = () => {
    setQuery('');
    setSelected(0);
    onClose();
  };
  const run = (index: number) => {
    const command = commands[index];
    if (!command) return;
    close();
    command.run();
  };

  return (
    <Modal open={open} onCancel={close} footer={null} closable={false} title={null} destroyOnHidden data-testid="command-palette">
      <Input
        data-testid="palette-input"
        autoFocus
        value={query}
        placeholder={t('palette.placeholder')}
        onChange={(e) => {
          setQuery(e.target.value);
          setSelected(0);
        }}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing) return;
          if (e.key === 'ArrowDown') setSelected((i) => Math.min(i + 1, commands.length - 1));
          else if (e.key === 'ArrowUp') setSelected((i) => Math.max(i - 1, 0));
          else if (e.key === 'Enter') run(selected);
          else return;
          e.preventDefault();
        }}
      />
      <Flex vertical style={{ marginTop: 8, maxHeight: 360, overflow: 'auto' }}>
        {commands.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('palette.nothing')} />}
        {commands.map((command, index) => (
          <Flex
            key={command.key}
            data-testid="palette-item"
            gap={8}
            align="center"
            onClick={() => run(index)}
            style={{ padding: '6px 8px', cursor: 'pointer', borderRadius: token.borderRadius, background: index === selected ? token.colorPrimaryBg : undefined }}
          >
            <Tag>{t(`palette.group.${command.group}`)}</Tag>
            <Typography.Text strong ellipsis>
              {command.label}
            </Typography.Text>
            <Typography.Text type="secondary" ellipsis style={{ flex: 1 }}>
              {command.detail}
            </Typography.Text>
          </Flex>
        ))}
      </Flex>
    </Modal>
  );
}
