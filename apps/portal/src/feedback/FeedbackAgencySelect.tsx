import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CATALOGUE_STALE_MS, catalogueApi } from '../catalogue/api';

/** The catalogue's agencies, searchable by name. */
export function AgencySelect({
  value,
  onChange,
  id,
  'aria-label': ariaLabel,
}: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  id?: string;
  /** The name when no <label> points at `id` (a filter above a list). */
  'aria-label'?: string;
}) {
  const { t } = useTranslation();
  const agencies = useQuery({
    queryKey: ['agencies'],
    queryFn: catalogueApi.agencies,
    staleTime: CATALOGUE_STALE_MS,
  });
  return (
    <Select<string | undefined>
      id={id}
      aria-label={ariaLabel}
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={t('feedback.anyAgency')}
      loading={agencies.isLoading}
      value={value}
      onChange={onChange}
      className="filter-select"
      options={(agencies.data ?? []).map((a) => ({ value: a.code, label: a.name }))}
    />
  );
}
