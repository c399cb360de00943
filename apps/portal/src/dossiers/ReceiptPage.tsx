import { Link, useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Result, Skeleton, Space } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { accountApi } from '../account/api';
import { problemMessage } from '../api/messages';
import { formatDateTime } from '../app/format';
import { dossierKey, dossiersApi } from './api';
import { draftStorage } from './draft-storage';
import { StatusTag } from './StatusTag';

/** Giấy tiếp nhận hồ sơ trực tuyến: the dossier code and the lookup key, printable. */
export function ReceiptPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams<{ id: string }>();
  const dossier = useQuery({ queryKey: dossierKey(id), queryFn: () => dossiersApi.get(id) });
  const me = useQuery({ queryKey: ['me'], queryFn: accountApi.me });
  const receipt = draftStorage.receipt(id);

  if (dossier.isLoading) return <Skeleton active />;
  if (dossier.isError || !dossier.data)
    return <Result status="error" title={problemMessage(dossier.error, t)} />;
  const d = dossier.data;
  // Kept with the dossier since it was submitted; this tab's copy for older ones.
  const lookupKey = d.lookupKey ?? receipt?.lookupKey ?? null;
  return (
    <div className="receipt-page">
      <Result
        className="no-print"
        status="success"
        title={<h1 className="result-title">{t('receipt.submitted')}</h1>}
        subTitle={t('receipt.keep')}
      />
      <Card className="receipt" aria-labelledby="receipt-title">
        <div className="receipt-header">
          <p className="receipt-nation">{t('receipt.nation')}</p>
          <p className="receipt-motto">{t('receipt.motto')}</p>
          <h2 id="receipt-title" className="receipt-title">
            {t('receipt.title')}
          </h2>
        </div>
        <div className="receipt-codes">
          <div>
            <div className="receipt-label">{t('dossier.code')}</div>
            <div className="receipt-code" data-testid="dossier-code">
              {d.code ?? receipt?.code}
            </div>
          </div>
          <div>
            <div className="receipt-label">{t('receipt.lookupKey')}</div>
            <div className="receipt-code" data-testid="lookup-key">
              {lookupKey ?? '—'}
            </div>
          </div>
        </div>
        {!lookupKey ? (
          <Alert type="info" showIcon title={t('receipt.keyShownOnce')} className="no-print" />
        ) : null}
        <Descriptions
          bordered
          size="small"
          column={1}
          items={[
            { key: 'procedure', label: t('dossier.procedure'), children: d.procedure.name },
            { key: 'agency', label: t('dossier.agency'), children: d.agency.name },
            { key: 'applicant', label: t('receipt.applicant'), children: me.data?.fullName ?? '—' },
            {
              key: 'submitted',
              label: t('dossier.submittedAt'),
              children: formatDateTime(d.submittedAt),
            },
            {
              key: 'status',
              label: t('dossier.status'),
              children: <StatusTag status={d.status} />,
            },
          ]}
        />
        <p className="receipt-note">{t('receipt.note')}</p>
      </Card>
      <Space wrap className="no-print receipt-actions">
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('receipt.print')}
        </Button>
        <Link to={`/ho-so/${d.id}`}>
          <Button>{t('receipt.view')}</Button>
        </Link>
        <Link to="/">
          <Button>{t('nav.home')}</Button>
        </Link>
      </Space>
    </div>
  );
}
