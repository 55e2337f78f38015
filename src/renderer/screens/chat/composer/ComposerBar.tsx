import { Button, Flex, Segmented, Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { AttachButton, OutgoingFiles } from '../attachments/OutgoingFiles';
import type { OutgoingFile } from '../attachments/outgoingFiles';

export type ComposerMode = 'reply' | 'note';

export interface ComposerBarProps {
  mode: ComposerMode;
  onMode(mode: ComposerMode): void;
  files: readonly OutgoingFile[];
  /** share of the files handed over so far while sending, else null */
  progress: number | null;
  onFiles(files: File[]): void;
  onRemoveFile(key: string): void;
  /** there is something to send (text or files) */
  ready: boolean;
  onSend(): void;
}

/**
 * What sits under the composer's text: the chosen files, reply/note, attach and send. Memoized
 * on plain props, so a keystroke renders the text box and not this row of controls.
 */
export const ComposerBar = memo(function ComposerBar({ mode, onMode, files, progress, onFiles, onRemoveFile, ready, onSend }: ComposerBarProps) {
  const { t } = useTranslation();
  return (
    <>
      {mode === 'reply' && <OutgoingFiles files={files} progress={progress} onRemove={onRemoveFile} />}
      <Flex justify="space-between" align="center">
        <Segmented
          data-testid="composer-mode"
          size="small"
          value={mode}
          onChange={(value) => onMode(value as ComposerMode)}
          options={[
            { value: 'reply', label: t('composer.reply') },
            { value: 'note', label: t('composer.note') },
          ]}
        />
        <Flex gap={8} align="center">
          <AttachButton disabled={mode === 'note' || progress !== null} onFiles={onFiles} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('composer.hint')}
          </Typography.Text>
          <Button type="primary" data-testid="composer-send" disabled={!ready || progress !== null} onClick={onSend}>
            {mode === 'note' ? t('composer.addNote') : t('composer.send')}
          </Button>
        </Flex>
      </Flex>
    </>
  );
});
