import { useState } from 'react';
import { Alert, Empty, Modal, Radio, Skeleton } from 'antd';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { accountApi } from '../account/api';
import { DOCUMENTS_KEY } from '../account/DocumentsTab';
import { problemMessage } from '../api/messages';
import { formatDate } from '../app/format';

/** "Chọn từ Giấy tờ cá nhân": one document of the wallet, copied into the dossier by the server. */
export function WalletPicker({
  open,
  componentName,
  onPick,
  onClose,
}: {
  open: boolean;
  componentName: string;
  onPick: (documentId: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const documents = useQuery({
    queryKey: DOCUMENTS_KEY,
    queryFn: accountApi.documents,
    enabled: open,
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function attach() {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      await onPick(chosen);
      setChosen(null);
    } catch (err) {
      setError(problemMessage(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('slots.pickTitle', { name: componentName })}
      onCancel={onClose}
      onOk={() => void attach()}
      okText={t('slots.attach')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !chosen, loading: busy }}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} className="form-alert" /> : null}
      {documents.isLoading ? (
        <Skeleton active />
      ) : (documents.data ?? []).length === 0 ? (
        <Empty
          description={
            <>
              {t('slots.walletEmpty')}{' '}
              <Link to="/tai-khoan/giay-to">{t('account.tabs.documents')}</Link>
            </>
          }
        />
      ) : (
        <Radio.Group
          value={chosen}
          onChange={(e) => setChosen(e.target.value as string)}
          className="wallet-list"
        >
          {(documents.data ?? []).map((doc) => (
            <Radio key={doc.id} value={doc.id} className="wallet-option">
              <strong>{doc.title}</strong>
              <span className="muted">
                {' '}
                · {t(`documents.types.${doc.type}`)}
                {doc.number ? ` · ${doc.number}` : ''}
                {doc.issuedAt ? ` · ${formatDate(doc.issuedAt)}` : ''} · {doc.file.fileName}
              </span>
            </Radio>
          ))}
        </Radio.Group>
      )}
    </Modal>
  );
}
