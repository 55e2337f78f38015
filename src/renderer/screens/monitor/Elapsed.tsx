import { useNow } from '../../components/useNow';
import { formatDuration } from './format';

/**
 * Time since `since`, ticking each second by itself: the tables around it redraw only when the
 * figures change, not at every tick of the clock.
 */
export function Elapsed({ since }: { since: number | null }) {
  const now = useNow(1000);
  return formatDuration(since === null ? null : now - since);
}
