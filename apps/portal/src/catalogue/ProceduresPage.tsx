import { Link, useSearchParams } from 'react-router-dom';
import {
  Alert,
  Card,
  Col,
  Empty,
  Input,
  Pagination,
  Row,
  Select,
  Skeleton,
  Typography,
} from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SERVICE_LEVELS, isServiceLevel, type ServiceLevel } from '@dvc/contracts/service-level';
import { problemMessage } from '../api/messages';
import { CATALOGUE_STALE_MS, catalogueApi } from './api';
import { LevelTag } from './LevelTag';

const PAGE_SIZE = 10;

/** The level filter of the address; anything but 1–4 filters nothing. */
function levelOf(param: string | null): ServiceLevel | undefined {
  const level = Number(param);
  return isServiceLevel(level) ? level : undefined;
}

/** DỊCH VỤ CÔNG TRỰC TUYẾN: search (accent-insensitive on the server) with filters in the URL. */
export function ProceduresPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = {
    q: params.get('q') ?? undefined,
    field: params.get('field') ?? undefined,
    agency: params.get('agency') ?? undefined,
    level: levelOf(params.get('level')),
    page: Number(params.get('page') ?? '1') || 1,
  };
  const results = useQuery({
    queryKey: ['procedures', filter],
    queryFn: () => catalogueApi.search({ ...filter, pageSize: PAGE_SIZE }),
    placeholderData: (previous) => previous,
  });
  const fields = useQuery({
    queryKey: ['fields'],
    queryFn: catalogueApi.fields,
    staleTime: CATALOGUE_STALE_MS,
  });
  const agencies = useQuery({
    queryKey: ['agencies'],
    queryFn: catalogueApi.agencies,
    staleTime: CATALOGUE_STALE_MS,
  });

  function set(name: string, value: string | number | undefined) {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') next.delete(name);
    else next.set(name, String(value));
    if (name !== 'page') next.delete('page');
    setParams(next);
  }

  return (
    <div>
      <h1 className="page-title">{t('catalogue.title')}</h1>
      <Card className="filters" role="search" aria-label={t('catalogue.filters')}>
        <Row gutter={[16, 12]}>
          <Col xs={24}>
            <Input.Search
              key={filter.q ?? ''}
              defaultValue={filter.q}
              size="large"
              enterButton={t('home.search')}
              allowClear
              placeholder={t('home.searchPlaceholder')}
              aria-label={t('home.searchLabel')}
              onSearch={(value) => set('q', value.trim())}
            />
          </Col>
          <Col xs={24} md={10}>
            <label className="filter-label" htmlFor="filter-field">
              {t('catalogue.field')}
            </label>
            <Select
              id="filter-field"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              className="full-width"
              placeholder={t('common.all')}
              value={filter.field}
              loading={fields.isLoading}
              onChange={(value?: string) => set('field', value)}
              options={(fields.data ?? []).map((f) => ({ value: f.code, label: f.name }))}
            />
          </Col>
          <Col xs={24} md={10}>
            <label className="filter-label" htmlFor="filter-agency">
              {t('catalogue.agency')}
            </label>
            <Select
              id="filter-agency"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              className="full-width"
              placeholder={t('common.all')}
              value={filter.agency}
              loading={agencies.isLoading}
              onChange={(value?: string) => set('agency', value)}
              options={(agencies.data ?? []).map((a) => ({ value: a.code, label: a.name }))}
            />
          </Col>
          <Col xs={24} md={4}>
            <label className="filter-label" htmlFor="filter-level">
              {t('catalogue.levelFilter')}
            </label>
            <Select
              id="filter-level"
              allowClear
              className="full-width"
              placeholder={t('common.all')}
              value={filter.level}
              onChange={(value?: number) => set('level', value)}
              options={SERVICE_LEVELS.map((level) => ({
                value: level,
                label: t('catalogue.level', { level }),
              }))}
            />
          </Col>
        </Row>
      </Card>

      {results.isError ? (
        <Alert type="error" showIcon title={problemMessage(results.error, t)} />
      ) : null}
      {results.isLoading ? <Skeleton active /> : null}
      {results.data ? (
        <section aria-live="polite" aria-label={t('catalogue.results')}>
          <Typography.Paragraph className="result-count">
            {t('catalogue.found', { count: results.data.total })}
          </Typography.Paragraph>
          {results.data.items.length === 0 ? (
            <Empty description={t('catalogue.none')} />
          ) : (
            <ul className="procedure-list">
              {results.data.items.map((p) => (
                <li key={p.code} className="procedure-item">
                  <Link to={`/thu-tuc/${p.code}`} className="procedure-name">
                    {p.name}
                  </Link>
                  <div className="procedure-meta">
                    <LevelTag level={p.level} />
                    <span>
                      {t('catalogue.codeLabel')}: {p.code}
                    </span>
                    <span>{p.field.name}</span>
                    <span>{p.agency.name}</span>
                  </div>
                </li>
              ))}
            </ul>
          )}
          <Pagination
            className="pagination"
            current={results.data.page}
            pageSize={PAGE_SIZE}
            total={results.data.total}
            hideOnSinglePage
            showSizeChanger={false}
            onChange={(page) => set('page', page)}
          />
        </section>
      ) : null}
    </div>
  );
}
