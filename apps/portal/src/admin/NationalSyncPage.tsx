import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App as AntApp, Button, Card, Col, Row, Statistic, Tag } from 'antd';
import { CloudDownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FailedHubCallView, ProcedureImportItem } from '../api/views';
import dayjs from 'dayjs';
import { problemMessage } from '../api/messages';
import { nationalSyncApi } from './national-sync-api';
import { ScrollingTable } from '../app/ScrollingTable';

const PAGE_SIZE = 20;
const REFRESH_MS = 10_000;
const when = (iso: string | null) => (iso ? dayjs(iso).format('DD/MM/YYYY HH:mm:ss') : '—');

/**
 * Đồng bộ Cổng DVC quốc gia: how far the national hub is behind, the calls parked after their
 * retry budget (each can be retried), and the import of the hub's procedures with its report.
 */
export function NationalSyncPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  // The hub may come back at any moment: the figures follow without a reload.
  const summary = useQuery({
    queryKey: ['national-sync'],
    queryFn: nationalSyncApi.summary,
    refetchInterval: REFRESH_MS,
  });
  const failed = useQuery({
    queryKey: ['national-sync', 'failed', page],
    queryFn: () => nationalSyncApi.failed(page, PAGE_SIZE),
    refetchInterval: REFRESH_MS,
    placeholderData: (previous) => previous,
  });
  const retry = useMutation({
    mutationFn: (id: string) => nationalSyncApi.retry(id),
    onSuccess: (_, id) => {
      void message.success(t('nationalSync.retried', { id: id.slice(0, 8) }));
      void queryClient.invalidateQueries({ queryKey: ['national-sync'] });
    },
    onError: (err) => void message.error(problemMessage(err, t)),
  });
  const importing = useMutation({ mutationFn: nationalSyncApi.importCatalogue });

  const s = summary.data;
  return (
    <div className="national-sync">
      <Card
        title={<h1 className="page-title">{t('nationalSync.title')}</h1>}
        extra={<Link to="/quan-tri/thu-tuc">{t('admin.back')}</Link>}
      >
        {summary.isError ? (
          <Alert type="error" showIcon title={problemMessage(summary.error, t)} />
        ) : null}
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic title={t('nationalSync.pending')} value={s?.pending ?? '—'} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('nationalSync.failed')} value={s?.failed ?? '—'} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('nationalSync.lastSyncedAt')}
              value={when(s?.lastSyncedAt ?? null)}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('nationalSync.oldestPendingAt')}
              value={when(s?.oldestPendingAt ?? null)}
            />
          </Col>
        </Row>
        <p className="muted">{t('nationalSync.orderNote')}</p>
      </Card>

      <Card title={<h2 className="block-title">{t('nationalSync.failedTitle')}</h2>}>
        {failed.isError ? (
          <Alert type="error" showIcon title={problemMessage(failed.error, t)} />
        ) : null}
        <ScrollingTable<FailedHubCallView>
          label={t('nationalSync.failedTitle')}
          rowKey="id"
          loading={failed.isLoading}
          dataSource={failed.data?.items ?? []}
          scroll={{ x: 720 }}
          locale={{ emptyText: t('nationalSync.noFailed') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: failed.data?.total ?? 0,
            onChange: setPage,
          }}
          columns={[
            { title: t('nationalSync.dossierCode'), dataIndex: 'dossierCode', key: 'dossierCode' },
            {
              title: t('nationalSync.kind'),
              dataIndex: 'kind',
              key: 'kind',
              render: (kind: FailedHubCallView['kind']) => t(`nationalSync.kinds.${kind}`),
            },
            { title: t('nationalSync.status'), dataIndex: 'statusCode', key: 'statusCode' },
            { title: t('nationalSync.attempts'), dataIndex: 'attempts', key: 'attempts' },
            {
              title: t('nationalSync.lastError'),
              dataIndex: 'lastError',
              key: 'lastError',
              render: (error: string | null) => (
                <span className="wrap-anywhere">{error ?? '—'}</span>
              ),
            },
            {
              title: t('nationalSync.lastAttemptAt'),
              dataIndex: 'lastAttemptAt',
              key: 'lastAttemptAt',
              render: when,
            },
            {
              title: '',
              key: 'retry',
              render: (_: unknown, call) => (
                <Button
                  icon={<ReloadOutlined />}
                  loading={retry.isPending && retry.variables === call.id}
                  onClick={() => retry.mutate(call.id)}
                  aria-label={t('nationalSync.retryOf', { code: call.dossierCode })}
                >
                  {t('nationalSync.retry')}
                </Button>
              ),
            },
          ]}
        />
      </Card>

      <Card title={<h2 className="block-title">{t('nationalSync.importTitle')}</h2>}>
        <p>{t('nationalSync.importHelp')}</p>
        <Button
          type="primary"
          icon={<CloudDownloadOutlined />}
          loading={importing.isPending}
          onClick={() => importing.mutate()}
        >
          {t('nationalSync.runImport')}
        </Button>
        {importing.isError ? (
          <Alert type="error" showIcon title={problemMessage(importing.error, t)} />
        ) : null}
        {importing.data ? (
          <div role="status" className="import-report">
            <Alert
              type={importing.data.rejected ? 'warning' : 'success'}
              showIcon
              title={t('nationalSync.importResult', {
                created: importing.data.created,
                updated: importing.data.updated,
                unchanged: importing.data.unchanged,
                rejected: importing.data.rejected,
              })}
            />
            <ScrollingTable<ProcedureImportItem>
              label={t('nationalSync.importTitle')}
              rowKey={(item, i) => `${item.code}-${i}`}
              dataSource={importing.data.items}
              pagination={false}
              scroll={{ x: 600 }}
              columns={[
                { title: t('nationalSync.code'), dataIndex: 'code', key: 'code' },
                { title: t('nationalSync.name'), dataIndex: 'name', key: 'name' },
                {
                  title: t('nationalSync.outcome'),
                  dataIndex: 'outcome',
                  key: 'outcome',
                  render: (outcome: ProcedureImportItem['outcome']) => (
                    <Tag color={OUTCOME_COLOURS[outcome]}>
                      {t(`nationalSync.outcomes.${outcome}`)}
                    </Tag>
                  ),
                },
                {
                  title: t('nationalSync.reasons'),
                  key: 'reasons',
                  render: (_: unknown, item) =>
                    item.reasons.map((r) => `${r.field}: ${r.message}`).join('; ') || '—',
                },
              ]}
            />
          </div>
        ) : null}
      </Card>
    </div>
  );
}

const OUTCOME_COLOURS: Record<ProcedureImportItem['outcome'], string> = {
  created: 'green',
  updated: 'blue',
  unchanged: 'default',
  rejected: 'red',
};
