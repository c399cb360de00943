import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App as AntApp, Button, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PaymentView } from '../api/views';
import { problemMessage } from '../api/messages';
import { ResponsiveTable } from '../app/ResponsiveTable';
import { formatDateTime, formatMoney } from '../app/format';
import { downloadFile } from '../files/transfer';
import { CheckoutDialog } from './CheckoutDialog';
import { PaymentStatusTag } from './PaymentStatusTag';
import { PAYMENTS_KEY, isPayable, paymentsApi } from './api';

/** Giao dịch: the citizen's fees, paid or to pay, with the receipt once paid. */
export function PaymentsTab() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const [page, setPage] = useState(1);
  const [paying, setPaying] = useState<PaymentView | null>(null);
  const list = useQuery({
    queryKey: [...PAYMENTS_KEY, page],
    queryFn: () => paymentsApi.list({ page, pageSize: 20 }),
  });
  return (
    <div className="tab-body">
      {list.isError ? <Alert type="error" showIcon title={problemMessage(list.error, t)} /> : null}
      <ResponsiveTable<PaymentView>
        label={t('account.tabs.payments')}
        rowKey={(p) => p.id}
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        emptyText={t('pay.empty')}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
        }}
        columns={[
          {
            title: t('dossier.code'),
            key: 'dossier',
            render: (p) => (
              <Link to={`/ho-so/${p.dossierId}`} className="nowrap">
                {p.dossierCode}
              </Link>
            ),
          },
          { title: t('pay.content'), key: 'description', render: (p) => p.description },
          {
            title: t('pay.amount'),
            key: 'amount',
            align: 'right',
            render: (p) => <span className="nowrap">{formatMoney(p.amount, i18n.language)}</span>,
          },
          {
            title: t('pay.statusLabel'),
            key: 'status',
            render: (p) => <PaymentStatusTag status={p.status} />,
          },
          {
            title: t('pay.date'),
            key: 'date',
            render: (p) => formatDateTime(p.paidAt ?? p.createdAt),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (p) => (
              <Space wrap>
                {isPayable(p.status) ? (
                  <Button type="primary" onClick={() => setPaying(p)}>
                    {t('pay.pay')}
                  </Button>
                ) : null}
                {p.receiptUrl ? (
                  <Button
                    icon={<DownloadOutlined />}
                    onClick={() =>
                      void downloadFile(p.receiptUrl!.replace(/^\/api\/v1/, '')).catch(
                        (err: unknown) => message.error(problemMessage(err, t)),
                      )
                    }
                  >
                    {t('pay.receipt')}
                  </Button>
                ) : null}
                <Link to={`/giao-dich/${p.id}`}>{t('common.details')}</Link>
              </Space>
            ),
          },
        ]}
      />
      <CheckoutDialog payment={paying} onClose={() => setPaying(null)} />
    </div>
  );
}
