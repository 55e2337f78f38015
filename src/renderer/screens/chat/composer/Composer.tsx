import { Flex, Input } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../../../shared/domain/workstation';
import { useAppState, useShell } from '../../../app/shell';
import { useReportError } from '../../../components/useReportError';
import { useWorkstation } from '../../workstation/workstationContext';
import { useOutgoingFiles } from '../attachments/useOutgoingFiles';
import { cannedContext, fillCannedVariables } from './cannedVariables';
import { ComposerBar, type ComposerMode } from './ComposerBar';
import { composerKeyAction } from './composerKeys';
import { searchCanned } from './cannedSearch';
import { GuardNotice } from './GuardNotice';
import { kbAnswer } from './kbAnswer';
import { preSendGuard, type GuardVerdict } from './preSendGuard';
import { TriggerList, type TriggerItem } from './TriggerList';
import { findTrigger, replaceTrigger } from './trigger';
import { useCannedReplies } from './useCannedReplies';
import { useDraft } from './useDraft';
import { useKbSearch } from './useKbSearch';
import { useStableCallback } from './useStableCallback';
import { useTypingSignal } from './useTypingSignal';

export interface ComposerProps {
  conversation: ConversationSummary;
  onResolve(): void;
}

/**
 * Where the agent writes. Enter sends, Shift+Enter is a new line, Ctrl/Cmd+Enter resolves; "/"
 * searches the canned replies and "#" the knowledge base. Before a reply goes out the pre-send
 * guard checks it against the agent-side quality rules and for unmasked personal data.
 */
export function Composer({ conversation, onResolve }: ComposerProps) {
  const { t } = useTranslation();
  const { rpc } = useShell();
  const report = useReportError();
  const agentName = useAppState((s) => s.session?.displayName ?? '');
  const draft = useDraft(conversation.id);
  const canned = useCannedReplies();
  const insertion = useWorkstation((s) => s.insertion);
  const outgoing = useOutgoingFiles();
  const typing = useTypingSignal(conversation.id);
  const [mode, setMode] = useState<ComposerMode>('reply');
  const [caret, setCaret] = useState(0);
  const [selected, setSelected] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [verdict, setVerdict] = useState<GuardVerdict | null>(null);
  const area = useRef<TextAreaRef>(null);
  const handledInsertion = useRef(insertion?.seq ?? 0);

  const text = draft.text;
  const found = findTrigger(text, caret);
  const trigger = found && found.start !== dismissed ? found : null;
  const context = cannedContext(conversation, agentName);

  const cannedHits = useMemo(() => (trigger?.kind === 'canned' ? searchCanned(trigger.query, canned) : []), [trigger?.kind, trigger?.query, canned]);
  const kbHits = useKbSearch(trigger?.kind === 'kb' ? trigger.query : '', 8);

  const items: TriggerItem[] =
    trigger?.kind === 'canned'
      ? cannedHits.map((r) => ({ key: r.id, badge: `/${r.shortcut}`, title: r.title, preview: fillCannedVariables(r.body, context) }))
      : kbHits.map((h) => ({ key: h.article.id, badge: h.article.category, title: h.article.title, preview: h.snippet }));

  const put = (next: string, at: number) => {
    draft.change(next);
    setVerdict(null);
    setCaret(at);
    requestAnimationFrame(() => {
      const el = area.current?.resizableTextArea?.textArea;
      if (!el) return;
      el.focus();
      el.setSelectionRange(at, at);
    });
  };

  const pick = (index: number) => {
    if (!trigger) return;
    const insert = trigger.kind === 'canned' ? cannedHits[index] && fillCannedVariables(cannedHits[index].body, context) : kbHits[index] && kbAnswer(kbHits[index].article);
    if (!insert) return;
    const next = replaceTrigger(text, trigger, caret, insert);
    put(next.text, next.caret);
  };

  // Text a side panel asked to insert: added at the caret. Only a new insertion runs this; the
  // text and caret are read as they are at that moment.
  useEffect(() => {
    if (!insertion || insertion.seq === handledInsertion.current) return;
    handledInsertion.current = insertion.seq;
    if (insertion.conversationId !== conversation.id) return;
    const at = Math.min(caret, text.length);
    put(text.slice(0, at) + insertion.text + text.slice(at), at + insertion.text.length);
  }, [insertion]);

  // Notes stay between agents: files go with replies only.
  const withFiles = mode === 'reply' && outgoing.files.length > 0;

  const send = async (confirmed: boolean) => {
    const body = text.trim();
    if (!body && !withFiles) return;
    if (outgoing.progress !== null) return;
    const check = body ? preSendGuard(body, { note: mode === 'note' }) : null;
    if (check && (check.action === 'block' || (check.action === 'warn' && !confirmed))) {
      setVerdict(check);
      return;
    }
    setVerdict(null);
    typing.stop();
    draft.clear();
    setCaret(0);
    try {
      if (mode === 'note') await rpc.messages.note({ conversationId: conversation.id, text: body });
      else if (withFiles) await outgoing.send(conversation.id, body);
      else await rpc.messages.send({ conversationId: conversation.id, text: body });
    } catch (error) {
      // Nothing was queued: give the text back so it is not lost.
      draft.change(body);
      report(error);
    }
  };

  const onSend = useStableCallback(() => void send(false));
  const onFiles = useStableCallback(outgoing.add);
  const onRemoveFile = useStableCallback(outgoing.remove);

  const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
    const action = composerKeyAction({ ...event, isComposing: event.nativeEvent.isComposing }, trigger !== null);
    if (!action) return;
    event.preventDefault();
    if (action === 'send') void send(false);
    else if (action === 'resolve') onResolve();
    else if (action === 'pick') pick(selected);
    else if (action === 'next') setSelected((i) => Math.min(i + 1, Math.max(items.length - 1, 0)));
    else if (action === 'previous') setSelected((i) => Math.max(i - 1, 0));
    else if (action === 'close') setDismissed(trigger?.start ?? null);
  };

  return (
    <Flex
      vertical
      gap={6}
      style={{ padding: '8px 16px 12px', position: 'relative' }}
      data-testid="composer"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        if (e.dataTransfer.files.length === 0) return;
        e.preventDefault();
        outgoing.add([...e.dataTransfer.files]);
      }}
    >
      {verdict && <GuardNotice verdict={verdict} onSendAnyway={() => void send(true)} onClose={() => setVerdict(null)} />}
      <div style={{ position: 'relative' }}>
        {trigger && (
          <TriggerList
            testId={trigger.kind === 'canned' ? 'canned-picker' : 'kb-picker'}
            items={items}
            selected={Math.min(selected, Math.max(items.length - 1, 0))}
            onPick={pick}
            empty={trigger.kind === 'canned' ? t('composer.noCanned') : trigger.query ? t('composer.noKb') : t('composer.typeToSearchKb')}
          />
        )}
        <Input.TextArea
          ref={area}
          data-testid="composer-input"
          data-mode={mode}
          value={text}
          // Sized by the browser to its text (2 to 8 lines): no measuring script runs on each keystroke.
          style={{ fieldSizing: 'content', minHeight: 'calc(2lh + 10px)', maxHeight: 'calc(8lh + 10px)', ...(mode === 'note' ? { borderStyle: 'dashed' } : {}) }}
          placeholder={mode === 'note' ? t('composer.notePlaceholder') : t('composer.placeholder')}
          onChange={(e) => {
            draft.change(e.target.value);
            // Internal notes are not the customer's business; an emptied box is not typing.
            if (mode === 'reply' && e.target.value.trim()) typing.input();
            else typing.stop();
            setCaret(e.target.selectionStart);
            setSelected(0);
            setDismissed(null);
            setVerdict(null);
          }}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          onPaste={(e) => {
            if (e.clipboardData.files.length === 0) return;
            e.preventDefault();
            outgoing.add([...e.clipboardData.files]);
          }}
        />
      </div>
      <ComposerBar
        mode={mode}
        onMode={setMode}
        files={outgoing.files}
        progress={outgoing.progress}
        onFiles={onFiles}
        onRemoveFile={onRemoveFile}
        ready={!!text.trim() || withFiles}
        onSend={onSend}
      />
    </Flex>
  );
}
