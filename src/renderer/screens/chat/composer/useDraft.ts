import { useEffect, useRef, useState } from 'react';
import { useShell } from '../../../app/shell';

const SAVE_AFTER_MS = 400;

/**
 * The composer's text, kept as the conversation's draft in the core: loaded on open, saved a
 * moment after typing stops, and taken over from another window (a pop-out) when that window
 * saves while this one is not being typed in.
 */
export function useDraft(conversationId: string) {
  const { rpc } = useShell();
  const [text, setText] = useState('');
  const typing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef('');

  useEffect(() => {
    let live = true;
    void rpc.drafts
      .get({ conversationId })
      .then((draft) => {
        if (live && !typing.current && draft) {
          latest.current = draft.text;
          setText(draft.text);
        }
      })
      .catch(() => undefined);
    const stop = rpc.on('drafts.changed', (draft) => {
      if (draft.conversationId !== conversationId || typing.current) return;
      const next = draft.deleted ? '' : draft.text;
      if (next === latest.current) return;
      latest.current = next;
      setText(next);
    });
    return () => {
      live = false;
      stop();
    };
  }, [rpc, conversationId]);

  const save = (value: string) => {
    typing.current = false;
    void rpc.drafts.set({ conversationId, text: value }).catch(() => undefined);
  };

  useEffect(
    () => () => {
      // Leaving the chat mid-pause still keeps what was typed.
      if (timer.current) {
        clearTimeout(timer.current);
        save(latest.current);
      }
    },
    [conversationId],
  );

  return {
    text,
    /** the user typed: show it now, store it shortly */
    change(value: string) {
      typing.current = true;
      latest.current = value;
      setText(value);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = null;
        save(value);
      }, SAVE_AFTER_MS);
    },
    /** the text went out: the draft is gone at once */
    clear() {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      latest.current = '';
      setText('');
      save('');
    },
  };
}
