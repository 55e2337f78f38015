import { Button, Flex, Image, Skeleton, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AttachmentRef } from '../../../../shared/domain/conversations';
import { useShell } from '../../../app/shell';
import { useReportError } from '../../../components/useReportError';
import { isImage } from './outgoingFiles';
import { attachmentUrl, useAttachmentUrl } from './useAttachmentUrl';

const PREVIEW_PX = 180;

export const fileSize = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.ceil(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** A message's files: images as previews (click to enlarge), other files as chips that download. */
export function MessageAttachments({ files }: { files: readonly AttachmentRef[] }) {
  return (
    <Flex wrap gap={6} style={{ marginTop: 4 }} data-testid="message-attachments">
      {files.map((file) => (isImage(file.mime) ? <ImagePreview key={file.id} file={file} /> : <FileChip key={file.id} file={file} />))}
    </Flex>
  );
}

function ImagePreview({ file }: { file: AttachmentRef }) {
  const { t } = useTranslation();
  const loaded = useAttachmentUrl(file);
  if (loaded.state === 'loading') return <Skeleton.Image active style={{ width: PREVIEW_PX, height: PREVIEW_PX / 1.5 }} />;
  if (loaded.state === 'failed') {
    return (
      <Tooltip title={loaded.message}>
        <Typography.Text type="secondary" data-testid="attachment-unavailable">
          🖼 {file.name} · {t('attachments.unavailable')}
        </Typography.Text>
      </Tooltip>
    );
  }
  // antd's Image opens a full-size preview on click (Esc closes it); alt is the file name, as text.
  return (
    <Image
      src={loaded.url}
      alt={file.name}
      width={PREVIEW_PX}
      style={{ maxHeight: PREVIEW_PX, objectFit: 'contain' }}
      data-testid="attachment-image"
      preview={{ mask: t('attachments.enlarge') }}
    />
  );
}

function FileChip({ file }: { file: AttachmentRef }) {
  const { t } = useTranslation();
  const { rpc } = useShell();
  const report = useReportError();
  const download = async () => {
    try {
      const anchor = document.createElement('a');
      anchor.href = await attachmentUrl(rpc, file);
      anchor.download = file.name;
      anchor.click();
    } catch (error) {
      report(error);
    }
  };
  return (
    <Tooltip title={t('attachments.download')}>
      <Button size="small" data-testid="attachment-file" onClick={() => void download()}>
        📎 {file.name} ({fileSize(file.size)})
      </Button>
    </Tooltip>
  );
}
