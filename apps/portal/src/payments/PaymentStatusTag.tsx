import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PaymentStatus } from '../api/views';

const COLORS: Record<PaymentStatus, string> = {
  created: 'orange',
  started: 'blue',
  success: 'green',
  failed: 'red',
  cancelled: 'default',
  expired: 'default',
  error: 'red',
};

export function PaymentStatusTag({ status }: { status: PaymentStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`pay.status.${status}`)}</Tag>;
}
