import { Alert, Card, Descriptions, Spin, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { VerificationView } from '../api/views';
import { body, client, type PostAnswer } from '../api/client';
import { apiFetch, ensureOk } from '../api/http';
import { ApiProblem } from '../api/problem';
import { formatDate } from '../app/format';

async function verifyFile(file: File): Promise<VerificationView> {
  const form = new FormData();
  form.append('file', file);
  const response = await ensureOk(await apiFetch('/public/verify', { method: 'POST', body: form }));
  return (await response.json()) as PostAnswer<'/api/v1/public/verify'>;
}

/**
 * Xác thực giấy tờ: what the QR code on an issued document opens. Anyone sees whether the
 * document is genuine (by its code), and may drop the PDF they hold to check that copy.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const byCode = useQuery({
    queryKey: ['verify', code],
    queryFn: () => body(client.GET('/api/v1/public/verify/{code}', { params: { path: { code } } })),
    enabled: code !== '',
  });
  const byFile = useMutation({ mutationFn: verifyFile });

  const checkingFile = byFile.isPending || byFile.isSuccess || byFile.isError;
  const view = checkingFile ? byFile.data : byCode.data;
  const error = checkingFile ? byFile.error : byCode.error;
  const unknown = error instanceof ApiProblem && error.status === 404;

  return (
    <Card title={<h1 className="page-title">{t('verify.title')}</h1>} className="verify-page">
      <div aria-live="polite">
        {byCode.isLoading || byFile.isPending ? <Spin /> : null}
        {view ? (
          <>
            <Alert
              type={view.valid ? 'success' : 'error'}
              showIcon
              title={view.valid ? t('verify.valid') : t('verify.invalid')}
              description={view.valid ? t('verify.validHelp') : t('verify.invalidHelp')}
            />
            <Descriptions column={1} bordered size="small" className="verify-details">
              <Descriptions.Item label={t('verify.documentType')}>
                {t(`verify.types.${view.documentType}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('verify.agency')}>{view.agency.name}</Descriptions.Item>
              <Descriptions.Item label={t('verify.dossierCode')}>
                {view.dossierCode}
              </Descriptions.Item>
              <Descriptions.Item label={t('verify.issuedAt')}>
                {formatDate(view.issuedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('verify.signer')}>{view.signer}</Descriptions.Item>
              <Descriptions.Item label={t('verify.code')}>
                {view.verificationCode}
              </Descriptions.Item>
            </Descriptions>
          </>
        ) : null}
        {error ? (
          <Alert
            type={unknown ? 'warning' : 'error'}
            showIcon
            title={unknown ? t('verify.unknown') : t('verify.failed')}
          />
        ) : null}
      </div>
      <Upload.Dragger
        accept="application/pdf,.pdf"
        multiple={false}
        showUploadList={false}
        beforeUpload={(file) => {
          byFile.mutate(file);
          return false;
        }}
        className="verify-drop"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{t('verify.drop')}</p>
      </Upload.Dragger>
    </Card>
  );
}
