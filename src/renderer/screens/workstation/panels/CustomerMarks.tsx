import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShell } from '../../../app/shell';
import { useReportError } from '../../../components/useReportError';

/** The marks an agent may set on a customer from the workstation; the tag text is the same in every language. */
const MARKS = [
  { tag: 'VIP', label: 'work.markVip' },
  { tag: 'KOC', label: 'work.markKoc' },
] as const;

/** VIP / KOC toggles: pressed when the customer carries the tag; a press adds or removes it. */
export function CustomerMarks({ customerId, tags }: { customerId: string; tags: readonly string[] }) {
  const { t } = useTranslation();
  const { rpc } = useShell();
  const report = useReportError();
  return (
    <Flex gap={6}>
      {MARKS.map(({ tag, label }) => {
        const has = tags.includes(tag);
        return (
          <Button
            key={tag}
            size="small"
            type={has ? 'primary' : 'default'}
            aria-pressed={has}
            data-testid={`mark-${tag}`}
            onClick={() => void rpc.customers.tag({ customerId, ...(has ? { remove: [tag] } : { add: [tag] }) }).catch(report)}
          >
            {t(label)}
          </Button>
        );
      })}
    </Flex>
  );
}
