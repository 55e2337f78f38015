import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerLevel } from '../../../../shared/domain/customers';
import { useAppState, useShell } from '../../../app/shell';
import { useReportError } from '../../../components/useReportError';

/** The levels an agent may mark a customer with; the mark's text is the same in every language. */
const MARKS = [
  { level: 'VIP', label: 'work.markVip' },
  { level: 'KOC', label: 'work.markKoc' },
] as const;

/**
 * VIP / KOC toggles: pressed when the customer has that level; a press sets it (or, pressed
 * again, sets the customer back to normal). The level is what every badge reads, so the badge
 * changes in every window once the server has the write. Merchant users do not get the marks:
 * the level is the platform's, and the server refuses them.
 */
export function CustomerMarks({ customerId, level }: { customerId: string; level: CustomerLevel }) {
  const { t } = useTranslation();
  const { rpc } = useShell();
  const report = useReportError();
  const merchant = useAppState((s) => s.session?.teamKind === 'merchant' && s.session.role !== 'admin');
  if (merchant) return null;
  return (
    <Flex gap={6}>
      {MARKS.map((mark) => {
        const has = level === mark.level;
        return (
          <Button
            key={mark.level}
            size="small"
            type={has ? 'primary' : 'default'}
            aria-pressed={has}
            data-testid={`mark-${mark.level}`}
            onClick={() => void rpc.customers.setLevel({ customerId, level: has ? 'normal' : mark.level }).catch(report)}
          >
            {t(mark.label)}
          </Button>
        );
      })}
    </Flex>
  );
}
