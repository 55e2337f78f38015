import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_LIMITS } from '../../../../shared/domain/workstation';
import { useShell } from '../../../app/shell';
import { stageFile } from './attachmentBytes';
import { fileSize } from './MessageAttachments';
import { takeFiles, type OutgoingFile } from './outgoingFiles';

/**
 * The files chosen for the next reply: added by paste, drop or the picker (refused ones are
 * named with the reason at once), then sent with the reply. Sending hands each file to the core
 * in pieces (the progress bar), and the core queues the reply in its outbox like any other: it
 * shows pending, then sent, or failed with the server's reason.
 */
export function useOutgoingFiles() {
  const { rpc } = useShell();
  const { message } = App.useApp();
  const { t } = useTranslation();
  const [files, setFiles] = useState<OutgoingFile[]>([]);
  const [progress, setProgress] = useState<number | null>(null);

  const add = (list: readonly File[]) => {
    const { accepted, refused } = takeFiles(list, files.length);
    for (const { name, reason } of refused) {
      void message.warning(t(`attachments.refused.${reason}`, { name, size: fileSize(ATTACHMENT_LIMITS.maxBytes), count: ATTACHMENT_LIMITS.perMessage }));
    }
    if (accepted.length > 0) setFiles([...files, ...accepted]);
  };

  const remove = (key: string) => setFiles((current) => current.filter((f) => f.key !== key));

  /** Sends the reply with the files; on failure the files stay chosen and the error is thrown. */
  const send = async (conversationId: string, text: string) => {
    const taken = files;
    setProgress(0);
    try {
      const staged = [];
      for (const [index, { file, mime }] of taken.entries()) {
        const stageId = await stageFile(rpc, file, (done) => setProgress((index + done) / taken.length));
        staged.push({ stageId, name: file.name, mime });
      }
      await rpc.attachments.send({ conversationId, text, files: staged });
      setFiles((current) => current.filter((f) => !taken.includes(f)));
    } finally {
      setProgress(null);
    }
  };

  return { files, progress, add, remove, send };
}
