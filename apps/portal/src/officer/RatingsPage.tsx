import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Card, Rate, Select, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AgencyRatingView } from '../api/views';
import { problemMessage } from '../api/messages';
import { formatDateTime } from '../app/format';
import { officerApi } from './api';
import { ScrollingTable } from '../app/ScrollingTable';

const PAGE_SIZE = 20;

/** Đánh giá của người dân: the satisfaction ratings of the officer's agencies, newest first. */
export function RatingsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = {
    score: Number(params.get('score')) || undefined,
    page: Number(params.get('page') ?? '1') || 1,
  };
  const ratings = useQuery({
    queryKey: ['dossier', 'ratings', filter],
    queryFn: () => officerApi.ratings({ ...filter, pageSize: PAGE_SIZE }),
    placeholderData: (previous) => previous,
  });

  function set(name: string, value: string | undefined) {
    const next = new URLSearchParams(params);
    if (!value) next.delete(name);
    else next.set(name, value);
    if (name !== 'page') next.delete('page');
    setParams(next);
  }

  const average = ratings.data?.averageScore;
  return (
    <Card title={<h1 className="page-title">{t('officerRatings.title')}</h1>}>
      <Space wrap className="tab-toolbar">
        <Select<number | undefined>
          allowClear
          aria-label={t('officerRatings.score')}
          placeholder={t('officerRatings.allScores')}
          className="filter-select"
          value={filter.score}
          onChange={(value) => set('score', value ? String(value) : undefined)}
          options={[5, 4, 3, 2, 1].map((n) => ({
            value: n,
            label: t('officerRatings.stars', { count: n }),
          }))}
        />
        <span role="status">
          {average != null
            ? t('officerRatings.average', {
                average: average.toFixed(2),
                total: ratings.data?.total ?? 0,
              })
            : null}
        </span>
      </Space>
      {ratings.isError ? (
        <Alert type="error" showIcon title={problemMessage(ratings.error, t)} />
      ) : null}
      <ScrollingTable<AgencyRatingView>
        label={t('officerRatings.title')}
        rowKey="dossierId"
        loading={ratings.isLoading}
        dataSource={ratings.data?.items ?? []}
        scroll={{ x: 800 }}
        locale={{ emptyText: t('officerRatings.empty') }}
        pagination={{
          current: filter.page,
          pageSize: PAGE_SIZE,
          total: ratings.data?.total ?? 0,
          onChange: (page) => set('page', String(page)),
          hideOnSinglePage: true,
        }}
        columns={[
          {
            title: t('dossier.code'),
            key: 'code',
            render: (_: unknown, r) => (
              <Link to={`/can-bo/ho-so/${r.dossierId}`}>{r.dossierCode}</Link>
            ),
          },
          {
            title: t('dossier.procedure'),
            key: 'procedure',
            render: (_: unknown, r) => r.procedure.name,
          },
          {
            title: t('officerRatings.score'),
            key: 'score',
            render: (_: unknown, r) => (
              <span aria-label={t('rating.given', { score: r.score })}>
                <Rate disabled value={r.score} /> <span className="muted">{r.score}/5</span>
              </span>
            ),
          },
          {
            title: t('officerRatings.comment'),
            key: 'comment',
            render: (_: unknown, r) => r.comment ?? '—',
          },
          {
            title: t('officerRatings.ratedAt'),
            key: 'ratedAt',
            render: (_: unknown, r) => formatDateTime(r.ratedAt),
          },
        ]}
      />
    </Card>
  );
}
