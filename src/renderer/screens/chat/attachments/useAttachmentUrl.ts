import { useEffect, useState } from 'react';
import type { AttachmentRef } from '../../../../shared/domain/conversations';
import type { Rpc } from '../../../../shared/rpc/client';
import { useShell } from '../../../app/shell';
import { readAttachment } from './attachmentBytes';

/**
 * blob: URLs of attachments this window has read, by id: a thread row that scrolls out of the
 * virtual list and back, or the same image in a pop-out's thread, does not read it again.
 * The bytes do not change under an id, so a URL is kept for the window's life.
 */
const urls = new Map<string, Promise<string>>();

export function attachmentUrl(rpc: Rpc, file: AttachmentRef): Promise<string> {
  let url = urls.get(file.id);
  if (!url) {
    url = readAttachment(rpc, file.id, file.mime).then((blob) => URL.createObjectURL(blob));
    // A failure (offline, not allowed) is not kept: the next look tries again.
    url.catch(() => urls.delete(file.id));
    urls.set(file.id, url);
  }
  return url;
}

export type AttachmentUrlState = { state: 'loading' } | { state: 'ready'; url: string } | { state: 'failed'; message: string };

/** The attachment as a blob: URL for an <img>, read through the core when first shown. */
export function useAttachmentUrl(file: AttachmentRef): AttachmentUrlState {
  const { rpc } = useShell();
  const [state, setState] = useState<AttachmentUrlState>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ state: 'loading' });
    attachmentUrl(rpc, file).then(
      (url) => live && setState({ state: 'ready', url }),
      (error: Error) => live && setState({ state: 'failed', message: error.message }),
    );
    return () => {
      live = false;
    };
  }, [rpc, file.id]);
  return state;
}
