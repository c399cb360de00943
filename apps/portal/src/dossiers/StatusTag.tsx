import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DossierStatusName } from '@dvc/contracts';
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
