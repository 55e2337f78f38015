import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { SiderSection } from './SiderSection';

/** Right panel: the selected customer's context (orders, level, past tickets) once there is one. */
export function CustomerSider() {
  const { t } = useTranslation();
  return (
    <SiderSection title={t('workstation.customer')}>
      <Empty data-testid="empty-customer" image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workstation.customerEmpty')} />
    </SiderSection>
  );
}
