import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DossierStatusName, StatusHistoryView } from '../api/views';
import { formatDateTime } from '../app/format';
import { historyEvent, statusTone } from './lifecycle';

const COLORS = {
  default: 'gray',
  processing: 'blue',
  warning: 'orange',
  success: 'green',
  error: 'red',
} as const;

type Entry = Pick<StatusHistoryView, 'to' | 'at'> &
  Partial<Pick<StatusHistoryView, 'byRole' | 'note' | 'from' | 'action'>>;

/** Quá trình xử lý: newest first, each entry named by what happened ("Công dân bổ sung hồ sơ"). */
export function StatusTimeline({ history }: { history: Entry[] }) {
  const { t } = useTranslation();
  const entries = [...history].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Timeline
      className="status-timeline"
      items={entries.map((entry, index) => ({
        key: `${entry.at}-${index}`,
        color:
          entry.action === 'apologize'
            ? COLORS.warning
            : COLORS[statusTone(entry.to as DossierStatusName)],
        title: formatDateTime(entry.at),
        content: (
          <div>
            <Typography.Text strong>
              {entry.action === 'apologize'
                ? t('letters.apologized')
                : t(`timeline.${historyEvent(entry)}`)}
            </Typography.Text>
            {entry.byRole ? (
              <Typography.Text type="secondary">
                {' '}
                · {t(`dossier.byRole.${entry.byRole}`)}
              </Typography.Text>
            ) : null}
            <div className="timeline-status">
              {t('timeline.statusAfter', { status: t(`status.${entry.to}`) })}
            </div>
            {entry.note ? <div className="timeline-note">{entry.note}</div> : null}
          </div>
        ),
      }))}
    />
  );
}
