import { Tag } from 'antd';
import type { CustomerLevel } from '../../../shared/domain/customers';

/** VIP and KOC customers carry a badge wherever their name shows; normal ones none. */
export function LevelTag({ level }: { level: CustomerLevel | undefined }) {
  if (level === 'VIP') return <Tag color="gold" data-testid="badge-vip" style={{ marginInlineEnd: 0 }}>VIP</Tag>;
  if (level === 'KOC') return <Tag color="purple" data-testid="badge-koc" style={{ marginInlineEnd: 0 }}>KOC</Tag>;
  return null;
}
