import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { Alert, App as AntApp, Button, Card, Descriptions, Result, Skeleton, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PaymentView } from '../api/views';
import { problemMessage } from '../api/messages';
import { formatDateTime, formatMoney } from '../app/format';
import { downloadFile } from '../files/transfer';
import { CheckoutDialog } from './CheckoutDialog';
import { PaymentStatusTag } from './PaymentStatusTag';
import { PAYMENTS_KEY, isPayable, paymentsApi } from './api';

/** How long the page waits for the provider's IPN after the browser came back. */
const SETTLE_POLL_MS = 1500;

/**
 * Một giao dịch: its true state read from our database. Also the page the provider sends the
 * browser back to (`/giao-dich/ket-qua?vnp_…`): the redirect itself changes nothing, so
 * while the IPN has not arrived the page keeps asking.
 */
export function PaymentPage() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const params = useParams<{ id: string }>();
  const location = useLocation();
  const returned = params.id === undefined;
  const [paying, setPaying] = useState<PaymentView | null>(null);

  const providerReturn = useQuery({
    queryKey: ['payment-return', location.search],
    queryFn: () => paymentsApi.returned(location.search),
    enabled: returned,
    retry: false,
    staleTime: Infinity,
  });
  const id = params.id ?? providerReturn.data?.payment?.id;
  const payment = useQuery({
    queryKey: [...PAYMENTS_KEY, 'one', id],
    queryFn: () => paymentsApi.get(id!),
    enabled: id !== undefined,
    refetchInterval: (q) => (q.state.data?.status === 'started' ? SETTLE_POLL_MS : false),
  });

  if (providerReturn.isError || payment.isError) {
    return (
      <Card>
        <Result
          status="error"
          title={t('pay.notFound')}
          subTitle={problemMessage(providerReturn.error ?? payment.error, t)}
        />
      </Card>
    );
  }
  if (returned && providerReturn.data && !providerReturn.data.payment) {
    return (
      <Card>
        <Result
          status="warning"
          title={t('pay.badReturn')}
          subTitle={providerReturn.data.message}
        />
      </Card>
    );
  }
  const p = payment.data;
  if (!p) return <Skeleton active />;

  const outcome =
    p.status === 'success'
      ? { status: 'success' as const, title: t('pay.outcome.success') }
      : p.status === 'started'
        ? { status: 'info' as const, title: t('pay.outcome.pending') }
        : p.status === 'created'
          ? { status: 'info' as const, title: t('pay.outcome.created') }
          : { status: 'error' as const, title: t(`pay.outcome.${p.status}`) };

  return (
    <Card>
      <Result
        status={outcome.status}
        title={<h1 className="result-title">{outcome.title}</h1>}
        subTitle={returned ? providerReturn.data?.message : undefined}
        extra={
          <Space wrap>
            {isPayable(p.status) ? (
              <Button type="primary" onClick={() => setPaying(p)}>
                {t('pay.pay')}
              </Button>
            ) : null}
            {p.nextPaymentId ? (
              <Link to={`/giao-dich/${p.nextPaymentId}`}>
                <Button type="primary">{t('pay.retry')}</Button>
              </Link>
            ) : null}
            {p.receiptUrl ? (
              <Button
                icon={<DownloadOutlined />}
                onClick={() =>
                  void downloadFile(p.receiptUrl!.replace(/^\/api\/v1/, '')).catch((err: unknown) =>
                    message.error(problemMessage(err, t)),
                  )
                }
              >
                {t('pay.receipt')}
              </Button>
            ) : null}
            <Link to={`/ho-so/${p.dossierId}`}>
              <Button>{t('pay.toDossier')}</Button>
            </Link>
          </Space>
        }
      />
      {p.status === 'started' ? (
        <Alert type="info" showIcon title={t('pay.waiting')} role="status" />
      ) : null}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        className="payment-facts"
        items={[
          {
            key: 'status',
            label: t('pay.statusLabel'),
            children: <PaymentStatusTag status={p.status} />,
          },
          {
            key: 'amount',
            label: t('pay.amount'),
            children: <strong>{formatMoney(p.amount, i18n.language)}</strong>,
          },
          { key: 'dossier', label: t('dossier.code'), children: p.dossierCode },
          { key: 'procedure', label: t('dossier.procedure'), children: p.procedureName },
          { key: 'content', label: t('pay.content'), children: p.description },
          {
            key: 'method',
            label: t('pay.method'),
            children: p.method ? t(`pay.methods.${p.method}`) : '—',
          },
          { key: 'paidAt', label: t('pay.paidAt'), children: formatDateTime(p.paidAt) },
          { key: 'transaction', label: t('pay.transactionNo'), children: p.transactionNo ?? '—' },
          { key: 'receipt', label: t('pay.receiptNumber'), children: p.receiptNumber ?? '—' },
        ]}
      />
      <CheckoutDialog payment={paying} onClose={() => setPaying(null)} />
    </Card>
  );
}
