import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS = { 1: 'default', 2: 'cyan', 3: 'blue', 4: 'geekblue' } as const;

/** Mức độ dịch vụ công (docs/design.md §1). */
export function LevelTag({ level }: { level: 1 | 2 | 3 | 4 }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[level]} title={t(`catalogue.levelHelp.${level}`)}>
      {t('catalogue.level', { level })}
    </Tag>
  );
}
