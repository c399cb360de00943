import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App as AntApp, Button, Space, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PaymentView } from '@dvc/contracts';
import { problemMessage } from '../api/messages';
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
      <Table<PaymentView>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 820 }}
        locale={{ emptyText: t('pay.empty') }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
        }}
        columns={[
          {
            title: t('dossier.code'),
            key: 'dossier',
            render: (_: unknown, p) => <Link to={`/ho-so/${p.dossierId}`}>{p.dossierCode}</Link>,
          },
          { title: t('pay.content'), dataIndex: 'description', key: 'description' },
          {
            title: t('pay.amount'),
            key: 'amount',
            align: 'right',
            render: (_: unknown, p) => formatMoney(p.amount, i18n.language),
          },
          {
            title: t('pay.statusLabel'),
            key: 'status',
            render: (_: unknown, p) => <PaymentStatusTag status={p.status} />,
          },
          {
            title: t('pay.date'),
            key: 'date',
            render: (_: unknown, p) => formatDateTime(p.paidAt ?? p.createdAt),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, p) => (
              <Space wrap>
                {isPayable(p.status) ? (
                  <Button type="primary" size="small" onClick={() => setPaying(p)}>
                    {t('pay.pay')}
                  </Button>
                ) : null}
                {p.receiptUrl ? (
                  <Button
                    size="small"
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
