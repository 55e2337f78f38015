import { Notification } from 'electron';

export interface NotifyOptions {
  title: string;
  /** Shown on the desktop, possibly on a locked screen: callers pass masked text only. */
  body: string;
  silent?: boolean;
  onClick?: () => void;
}

// Held until the notification is done with: a collected Notification loses its click handler.
const showing = new Set<Notification>();

/** Shows a desktop notification; false where the platform has none. */
export function notify({ title, body, silent = false, onClick }: NotifyOptions): boolean {
  if (!Notification.isSupported()) return false;
  const notification = new Notification({ title, body, silent });
  const release = () => showing.delete(notification);
  notification.on('click', () => {
    release();
    onClick?.();
  });
  notification.on('close', release);
  notification.on('failed', release);
  showing.add(notification);
  notification.show();
  return true;
}
