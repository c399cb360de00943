import { useEffect, useState } from 'react';
import { Alert, Button, Modal, Spin } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/messages';
import { downloadFile, fetchFile } from './transfer';

/**
 * Xem tệp: a protected file fetched with the session, shown from a blob: URL (PDF in a frame,
 * images as images); anything else is downloaded.
 */
export function FilePreview({
  path,
  title,
  onClose,
}: {
  path: string | null;
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<{ url: string; type: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!path) return;
    let url: string | null = null;
    let cancelled = false;
    setView(null);
    setError(null);
    fetchFile(path).then(
      ({ blob }) => {
        if (cancelled) return;
        url = URL.createObjectURL(blob);
        setView({ url, type: blob.type });
      },
      (err: unknown) => !cancelled && setError(problemMessage(err, t)),
    );
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [path, t]);

  const image = view?.type.startsWith('image/');
  const pdf = view?.type === 'application/pdf';
  return (
    <Modal
      open={path !== null}
      onCancel={onClose}
      title={title}
      width={900}
      footer={[
        <Button
          key="download"
          icon={<DownloadOutlined />}
          onClick={() => path && void downloadFile(path)}
        >
          {t('common.download')}
        </Button>,
        <Button key="close" type="primary" onClick={onClose}>
          {t('common.close')}
        </Button>,
      ]}
    >
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {!view && !error ? <Spin /> : null}
      {view && image ? <img src={view.url} alt={title} className="file-preview-image" /> : null}
      {view && pdf ? <iframe src={view.url} title={title} className="file-preview-frame" /> : null}
      {view && !image && !pdf ? <p>{t('files.noPreview')}</p> : null}
    </Modal>
  );
}
