import { useState } from 'react';
import { Alert, Button, Checkbox, Descriptions, Modal, Radio, Skeleton, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PaymentMethodId } from '@dvc/contracts';
import type { PaymentView } from '../api/views';
import { problemMessage } from '../api/messages';
import { formatMoney } from '../app/format';
import { paymentsApi } from './api';

/**
 * The "Thanh toán" window: Phương thức thanh toán, the commitment, "Tiếp tục thanh toán"
 * → the provider's page (the simulator in development), which sends the browser back to us.
 */
export function CheckoutDialog({
  payment,
  onClose,
}: {
  payment: PaymentView | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const methods = useQuery({
    queryKey: ['payment-methods'],
    queryFn: paymentsApi.methods,
    enabled: payment !== null,
    staleTime: 10 * 60_000,
  });
  const [method, setMethod] = useState<PaymentMethodId | null>(null);
  const [committed, setCommitted] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function proceed() {
    if (!payment || !method || !committed) return;
    setError(null);
    setBusy(true);
    try {
      const { paymentUrl } = await paymentsApi.checkout(payment.id, method);
      window.location.assign(paymentUrl);
    } catch (err) {
      setError(problemMessage(err, t));
      setBusy(false);
    }
  }

  return (
    <Modal
      open={payment !== null}
      onCancel={onClose}
      title={t('pay.title')}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="pay"
          type="primary"
          disabled={!method || !committed}
          loading={busy}
          onClick={() => void proceed()}
        >
          {t('pay.proceed')}
        </Button>,
      ]}
    >
      {payment ? (
        <Space orientation="vertical" size="middle" className="full-width">
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'dossier', label: t('dossier.code'), children: payment.dossierCode },
              { key: 'procedure', label: t('dossier.procedure'), children: payment.procedureName },
              { key: 'content', label: t('pay.content'), children: payment.description },
              {
                key: 'amount',
                label: t('pay.amount'),
                children: (
                  <strong className="amount">{formatMoney(payment.amount, i18n.language)}</strong>
                ),
              },
            ]}
          />
          <fieldset className="plain-fieldset">
            <legend className="fieldset-legend">{t('pay.method')}</legend>
            {methods.isLoading ? (
              <Skeleton active paragraph={{ rows: 2 }} />
            ) : methods.isError ? (
              <Alert type="error" showIcon title={problemMessage(methods.error, t)} />
            ) : (
              <Radio.Group
                value={method}
                onChange={(e) => setMethod(e.target.value as PaymentMethodId)}
                className="method-list"
              >
                {(methods.data ?? []).map((m) => (
                  <Radio key={m.id} value={m.id} className="method-option">
                    <strong>{m.name}</strong>
                    <span className="method-description">{m.description}</span>
                  </Radio>
                ))}
              </Radio.Group>
            )}
          </fieldset>
          <Checkbox checked={committed} onChange={(e) => setCommitted(e.target.checked)}>
            {t('pay.commitment')}
          </Checkbox>
          {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}
        </Space>
      ) : null}
    </Modal>
  );
}
