import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeadlineMark, DossierStatusName } from '../api/views';
import { statusTone } from './lifecycle';

const COLORS = {
  default: 'default',
  processing: 'blue',
  warning: 'orange',
  success: 'green',
  error: 'red',
} as const;

export function StatusTag({ status }: { status: DossierStatusName }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[statusTone(status)]} className="status-tag">
      {t(`status.${status}`)}
    </Tag>
  );
}

export function OverdueTag({ overdue }: { overdue: boolean }) {
  const { t } = useTranslation();
  return overdue ? (
    <Tag color="red" className="status-tag">
      {t('dossier.overdue')}
    </Tag>
  ) : null;
}

/** Officers' mark: quá hạn (red) or sắp đến hạn, 80 % of the processing time used (orange). */
export function DeadlineTag({ deadline }: { deadline: DeadlineMark | null }) {
  const { t } = useTranslation();
  if (!deadline) return null;
  return (
    <Tag color={deadline === 'overdue' ? 'red' : 'orange'} className="status-tag deadline-tag">
      {t(deadline === 'overdue' ? 'officer.overdue' : 'officer.dueSoon')}
    </Tag>
  );
}
