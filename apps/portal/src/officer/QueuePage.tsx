import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Card, Input, Radio, Select, Space, Switch } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OfficerQueueTab } from '@dvc/contracts';
import type { DossierStatusName, OfficerDossierSummary } from '../api/views';
import { problemMessage } from '../api/messages';
import { formatDate, formatDateTime } from '../app/format';
import { STATUS_NAMES } from '../account/MyDossiersTab';
import { DeadlineTag, StatusTag } from '../dossiers/StatusTag';
import { officerApi } from './api';
import { ScrollingTable } from '../app/ScrollingTable';

const PAGE_SIZE = 20;
const TABS: OfficerQueueTab[] = ['in-hand', 'awaiting-citizen', 'done', 'all'];

/**
 * Hồ sơ cần xử lý: the agency's queue in tabs with their counts, the work in hand first; the
 * server orders it (overdue, due soon, by due date, then the oldest submission).
 */
export function QueuePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = {
    tab: (params.get('tab') as OfficerQueueTab | null) ?? undefined,
    status: (params.get('status') as DossierStatusName | null) ?? undefined,
    q: params.get('q') ?? undefined,
    overdue: params.get('overdue') === 'true' ? true : undefined,
    page: Number(params.get('page') ?? '1') || 1,
  };
  const queue = useQuery({
    queryKey: ['dossier', 'queue', filter],
    queryFn: () => officerApi.queue({ ...filter, pageSize: PAGE_SIZE }),
    placeholderData: (previous) => previous,
    refetchInterval: 30_000,
  });

  function set(name: string, value: string | undefined) {
    const next = new URLSearchParams(params);
    if (!value) next.delete(name);
    else next.set(name, value);
    if (name !== 'page') next.delete('page');
    setParams(next);
  }

  const rows = queue.data?.items ?? [];
  const tab = queue.data?.tab ?? filter.tab ?? (filter.status ? 'all' : 'in-hand');
  const counts = queue.data?.counts;

  /** A tab replaces the status filter, and the other way round. */
  function pick(name: 'tab' | 'status', value: string | undefined) {
    const next = new URLSearchParams(params);
    next.delete('tab');
    next.delete('status');
    next.delete('page');
    if (value) next.set(name, value);
    setParams(next);
  }

  return (
    <Card
      className="queue-card"
      title={<h1 className="page-title">{t('officer.title')}</h1>}
      extra={
        <Space wrap>
          <Link to="/can-bo/phan-anh">{t('officerFeedback.title')}</Link>
          <Link to="/can-bo/danh-gia">{t('officerRatings.title')}</Link>
        </Space>
      }
    >
      <Radio.Group
        className="queue-tabs"
        aria-label={t('officer.tabsLabel')}
        optionType="button"
        buttonStyle="solid"
        value={tab}
        onChange={(e) => pick('tab', e.target.value as OfficerQueueTab)}
        options={TABS.map((key) => ({
          value: key,
          label: counts ? `${t(`officer.tabs.${key}`)} (${counts[key]})` : t(`officer.tabs.${key}`),
        }))}
      />
      <Space wrap className="tab-toolbar" role="search" aria-label={t('catalogue.filters')}>
        <Input.Search
          key={filter.q ?? ''}
          defaultValue={filter.q}
          allowClear
          placeholder={t('officer.searchPlaceholder')}
          aria-label={t('officer.searchPlaceholder')}
          onSearch={(value) => set('q', value.trim())}
          className="queue-search"
        />
        <Select<DossierStatusName | undefined>
          allowClear
          aria-label={t('dossier.status')}
          placeholder={t('officer.allStatuses')}
          className="filter-select"
          value={filter.status}
          onChange={(value) => pick('status', value)}
          options={STATUS_NAMES.filter((s) => s !== 'DRAFT').map((s) => ({
            value: s,
            label: t(`status.${s}`),
          }))}
        />
        <label className="switch-label">
          <Switch
            checked={filter.overdue === true}
            onChange={(on) => set('overdue', on ? 'true' : undefined)}
          />{' '}
          {t('officer.overdueOnly')}
        </label>
      </Space>
      {queue.isError ? (
        <Alert type="error" showIcon title={problemMessage(queue.error, t)} />
      ) : null}
      <ScrollingTable<OfficerDossierSummary>
        label={t('officer.title')}
        rowKey="id"
        loading={queue.isLoading}
        dataSource={rows}
        scroll={{ x: 900 }}
        rowClassName={(d) => (d.deadline ? `row-${d.deadline}` : '')}
        locale={{ emptyText: t('officer.empty') }}
        pagination={{
          current: filter.page,
          pageSize: PAGE_SIZE,
          total: queue.data?.total ?? 0,
          onChange: (page) => set('page', String(page)),
          hideOnSinglePage: true,
        }}
        columns={[
          {
            title: t('dossier.code'),
            key: 'code',
            // The mark sits under the code: on a phone the first column is the one in view.
            render: (_: unknown, d) => (
              <>
                <Link to={`/can-bo/ho-so/${d.id}`}>{d.code}</Link>
                {d.deadline ? (
                  <div>
                    <DeadlineTag deadline={d.deadline} />
                  </div>
                ) : null}
              </>
            ),
          },
          {
            title: t('dossier.procedure'),
            key: 'procedure',
            render: (_: unknown, d) => d.procedure.name,
          },
          {
            title: t('officer.applicant'),
            key: 'applicant',
            render: (_: unknown, d) => (
              <>
                {d.applicant.fullName}
                {d.applicant.idNumber ? <div className="muted">{d.applicant.idNumber}</div> : null}
              </>
            ),
          },
          {
            title: t('dossier.status'),
            key: 'status',
            render: (_: unknown, d) => <StatusTag status={d.status} />,
          },
          {
            title: t('dossier.submittedAt'),
            key: 'submitted',
            render: (_: unknown, d) => formatDate(d.submittedAt),
          },
          {
            title: t('dossier.dueAt'),
            key: 'due',
            render: (_: unknown, d) => (
              <span className={d.overdue ? 'overdue-text' : undefined}>
                {formatDateTime(d.dueAt)}
              </span>
            ),
          },
        ]}
      />
    </Card>
  );
}
