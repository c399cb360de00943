import { Link } from 'react-router-dom';
import { Alert, App as AntApp, Button, Space, Typography } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ApologyView, DossierView } from '../api/views';
import { problemMessage } from '../api/messages';
import { formatDateTime } from '../app/format';
import { downloadFile } from '../files/transfer';

/** Mã xác thực: the code under a signed document's QR, opening its verification page. */
export function VerificationCode({ code }: { code: string }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary" className="verification-code">
      <SafetyCertificateOutlined aria-hidden /> {t('letters.verificationCode')}{' '}
      <Link to={`/xac-thuc/${code}`}>{code}</Link>
    </Typography.Text>
  );
}

/** Downloads a signed file of the dossier (its URL is under /api/v1). */
export function LetterButton({ url, label }: { url: string; label: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  return (
    <Button
      icon={<DownloadOutlined />}
      // A long label wraps on a phone instead of widening the page.
      style={{ whiteSpace: 'normal', height: 'auto', textAlign: 'left' }}
      onClick={() =>
        void downloadFile(url.replace(/^\/api\/v1/, '')).catch((err: unknown) =>
          message.error(problemMessage(err, t)),
        )
      }
    >
      {label}
    </Button>
  );
}

/** Giấy tiếp nhận hồ sơ và hẹn trả kết quả: number, download, verification code. */
export function ReceiptLetter({ dossier: d }: { dossier: DossierView }) {
  const { t } = useTranslation();
  if (!d.receipt) return <>{d.receiptNumber ?? '—'}</>;
  return (
    <Space direction="vertical" size={4}>
      <span>{d.receiptNumber}</span>
      <LetterButton url={d.receipt.downloadUrl} label={t('letters.downloadReceipt')} />
      {d.receipt.verificationCode ? <VerificationCode code={d.receipt.verificationCode} /> : null}
    </Space>
  );
}

/** Phiếu xin lỗi và hẹn lại ngày trả kết quả: newest first, each with its signed letter. */
export function ApologyNotices({ apologies }: { apologies: ApologyView[] }) {
  const { t } = useTranslation();
  if (apologies.length === 0) return null;
  return (
    <section id="xin-loi" aria-label={t('letters.apologyTitle')} className="apology-notices">
      {[...apologies].reverse().map((a) => (
        <Alert
          key={a.verificationCode}
          className="panel-alert"
          type="warning"
          showIcon
          title={t('letters.apologyTitle')}
          description={
            <Space direction="vertical" size={4}>
              <span>
                {t('letters.apologyBody', {
                  previous: formatDateTime(a.previousDueAt),
                  next: formatDateTime(a.newDueAt),
                })}
              </span>
              <span>
                {t('letters.reason')}: {a.reason}
              </span>
              <Space wrap>
                <LetterButton url={a.documentUrl} label={t('letters.downloadApology')} />
                <VerificationCode code={a.verificationCode} />
              </Space>
            </Space>
          }
        />
      ))}
    </section>
  );
}
