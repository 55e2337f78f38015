import { Button, Flex, Progress, Tag, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_LIMITS } from '../../../../shared/domain/workstation';
import { fileSize } from './MessageAttachments';
import type { OutgoingFile } from './outgoingFiles';

export interface OutgoingFilesProps {
  files: readonly OutgoingFile[];
  /** share of the files handed to the core so far (0..1) while sending, else null */
  progress: number | null;
  onRemove(key: string): void;
}

/** The files chosen for the next reply, with the limits they were checked against and the hand-over progress. */
export function OutgoingFiles({ files, progress, onRemove }: OutgoingFilesProps) {
  const { t } = useTranslation();
  if (files.length === 0 && progress === null) return null;
  return (
    <Flex vertical gap={4} data-testid="outgoing-files">
      <Flex wrap gap={6}>
        {files.map(({ key, file }) => (
          <Tag key={key} closable={progress === null} onClose={() => onRemove(key)} data-testid="outgoing-file">
            {file.type.startsWith('image/') ? '🖼' : '📎'} {file.name} ({fileSize(file.size)})
          </Tag>
        ))}
      </Flex>
      {progress !== null ? (
        <Progress percent={Math.round(progress * 100)} size="small" data-testid="upload-progress" />
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('attachments.limits', { size: fileSize(ATTACHMENT_LIMITS.maxBytes), count: ATTACHMENT_LIMITS.perMessage })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** A button opening the file picker, limited to the kinds the server takes. */
export function AttachButton({ onFiles, disabled }: { onFiles(files: File[]): void; disabled: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button size="small" disabled={disabled} title={t('attachments.attach')} data-testid="composer-attach" onClick={() => input.current?.click()}>
        📎
      </Button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept={ATTACHMENT_LIMITS.mimes.join(',')}
        data-testid="composer-file-input"
        onChange={(e) => {
          onFiles([...(e.currentTarget.files ?? [])]);
          e.currentTarget.value = '';
        }}
      />
    </>
  );
}
