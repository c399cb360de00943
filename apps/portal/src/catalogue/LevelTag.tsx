import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

// Each pair of text and background colours contrasts at least 4.5:1 (cyan's does not).
const COLORS = { 1: 'default', 2: 'purple', 3: 'blue', 4: 'geekblue' } as const;

/** Mức độ dịch vụ công (docs/design.md §1). */
export function LevelTag({ level }: { level: 1 | 2 | 3 | 4 }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[level]} title={t(`catalogue.levelHelp.${level}`)}>
      {t('catalogue.level', { level })}
    </Tag>
  );
}
