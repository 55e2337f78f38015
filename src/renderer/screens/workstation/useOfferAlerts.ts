import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppState } from '../../app/shell';
import { beep } from './beep';
import { useWorkstation } from './workstationContext';

/**
 * Rings and raises a system notification (the Notification API: a native one in Electron, the
 * browser's in browser mode) for each new offer, as the sound and notification settings say.
 */
export function useOfferAlerts(): void {
  const { t } = useTranslation();
  const offers = useWorkstation((s) => s.offers);
  const queues = useWorkstation((s) => s.queues);
  const sounds = useAppState((s) => s.settings?.sounds ?? true);
  const notifications = useAppState((s) => s.settings?.notifications ?? true);
  const seen = useRef(new Set<string>());

  useEffect(() => {
    if (notifications && typeof Notification !== 'undefined' && Notification.permission === 'default') {
      void Notification.requestPermission().catch(() => undefined);
    }
  }, [notifications]);

  useEffect(() => {
    // Each offer rings once, however often the list is pushed again.
    const fresh = offers.filter((offer) => !seen.current.has(offer.conversationId));
    seen.current = new Set(offers.map((o) => o.conversationId));
    if (fresh.length === 0) return;
    if (sounds) beep();
    if (notifications && typeof Notification !== 'undefined' && Notification.permission === 'granted') {
      for (const offer of fresh) {
        const queue = queues.find((q) => q.id === offer.queueId)?.name ?? offer.queueId;
        const note = new Notification(t('offers.notifyTitle'), { body: t('offers.notifyBody', { queue }), tag: offer.conversationId });
        note.onclick = () => window.focus();
      }
    }
  }, [offers, queues, sounds, notifications, t]);
}
