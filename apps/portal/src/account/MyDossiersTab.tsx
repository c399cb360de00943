import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Select, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DossierStatusName, DossierSummary } from '../api/views';
import { problemMessage } from '../api/messages';
import { ResponsiveTable } from '../app/ResponsiveTable';
import { formatDate } from '../app/format';
import { OverdueTag, StatusTag } from '../dossiers/StatusTag';
import { dossiersApi } from '../dossiers/api';

export const STATUS_NAMES: DossierStatusName[] = [
  'DRAFT',
  'SUBMITTED',
  'RECEIVED',
  'PROCESSING',
  'SUPPLEMENT_REQUESTED',
  'PAYMENT_REQUIRED',
  'WITHDRAWAL_REQUESTED',
  'RESULT_READY',
  'RETURNED',
  'REFUSED',
  'STOPPED',
];

/** Hồ sơ của tôi: every dossier of the citizen with its status. */
export function MyDossiersTab() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<DossierStatusName | undefined>();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['dossier', 'mine', status, page],
    queryFn: () => dossiersApi.list({ status, page, pageSize: 20 }),
  });
  return (
    <div className="tab-body">
      <Space className="tab-toolbar" wrap>
        <label htmlFor="dossier-status-filter">{t('dossier.status')}</label>
        <Select<DossierStatusName | undefined>
          id="dossier-status-filter"
          allowClear
          placeholder={t('common.all')}
          className="filter-select"
          value={status}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
          options={STATUS_NAMES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
      </Space>
      {list.isError ? <Alert type="error" showIcon title={problemMessage(list.error, t)} /> : null}
      <ResponsiveTable<DossierSummary>
        label={t('account.tabs.dossiers')}
        rowKey={(d) => d.id}
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        emptyText={t('myDossiers.empty')}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
        }}
        columns={[
          {
            title: t('dossier.code'),
            key: 'code',
            render: (d) =>
              d.status === 'DRAFT' ? (
                <Link to={`/ho-so/${d.id}/nop`}>{t('myDossiers.draft')}</Link>
              ) : (
                <Link to={`/ho-so/${d.id}`} className="nowrap">
                  {d.code}
                </Link>
              ),
          },
          { title: t('dossier.procedure'), key: 'procedure', render: (d) => d.procedure.name },
          {
            title: t('dossier.status'),
            key: 'status',
            render: (d) => (
              <>
                <StatusTag status={d.status} />
                <OverdueTag overdue={d.overdue} />
              </>
            ),
          },
          {
            title: t('dossier.submittedAt'),
            key: 'submitted',
            render: (d) => formatDate(d.submittedAt),
          },
          { title: t('dossier.dueAt'), key: 'due', render: (d) => formatDate(d.dueAt) },
        ]}
      />
    </div>
  );
}
