import { useState } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import type { OfficerAction, OfficerDossierView } from '../api/views';
import { useServerErrors } from '../account/useServerErrors';
import { ACTION_INPUT } from '../dossiers/lifecycle';
import { officerApi } from './api';

interface ActionForm {
  note?: string;
  amount?: number;
  missing?: string[];
  deadline?: Dayjs;
  deliveryTracking?: string;
}

/** One officer action with what it needs (reason, amount, missing documents, waybill). */
export function ActionDialog({
  action,
  dossier,
  fee,
  onClose,
  onDone,
}: {
  action: OfficerAction | null;
  dossier: OfficerDossierView;
  /** The procedure case's known fee (VND), the amount a payment request starts from. */
  fee?: number | null;
  onClose: () => void;
  onDone: (updated: OfficerDossierView) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ActionForm>();
  const server = useServerErrors(form, [
    'note',
    'amount',
    'missing',
    'deadline',
    'deliveryTracking',
  ]);
  const [busy, setBusy] = useState(false);
  const input = action ? ACTION_INPUT[action] : null;

  async function confirm() {
    if (!action) return;
    let values: ActionForm;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    server.clear();
    setBusy(true);
    try {
      const updated = await officerApi.act(dossier.id, action, {
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
        ...(values.amount ? { amount: values.amount } : {}),
        ...(values.missing?.length ? { missing: values.missing } : {}),
        ...(values.deadline ? { deadline: values.deadline.format('YYYY-MM-DD') } : {}),
        ...(values.deliveryTracking?.trim()
          ? { deliveryTracking: values.deliveryTracking.trim() }
          : {}),
      });
      form.resetFields();
      onDone(updated);
    } catch (err) {
      server.show(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={action !== null}
      title={action ? t(`officer.actions.${action}`) : ''}
      onCancel={onClose}
      onOk={() => void confirm()}
      okText={action ? t(`officer.actions.${action}`) : ''}
      okButtonProps={{ loading: busy, danger: input?.danger }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      {action ? <p>{t(`officer.actionHelp.${action}`)}</p> : null}
      {server.alert ? (
        <Alert type="error" showIcon title={server.alert} className="form-alert" role="alert" />
      ) : null}
      <Form<ActionForm>
        name="action"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={input?.amount && fee && fee > 0 ? { amount: fee } : {}}
      >
        {input?.missing ? (
          <Form.Item
            name="missing"
            label={t('officer.missing')}
            extra={t('officer.missingHelp')}
            rules={[{ required: true, message: t('officer.missingRequired') }]}
          >
            <Select
              mode="tags"
              tokenSeparators={[';']}
              placeholder={t('officer.missingPlaceholder')}
              options={dossier.components.map((c) => ({ value: c.name, label: c.name }))}
            />
          </Form.Item>
        ) : null}
        {input?.missing ? (
          <Form.Item name="deadline" label={t('officer.deadline')}>
            <DatePicker format="DD/MM/YYYY" className="full-width" />
          </Form.Item>
        ) : null}
        {input?.amount ? (
          <Form.Item
            name="amount"
            label={t('officer.amount')}
            rules={[
              { required: true, message: t('officer.amountRequired') },
              { type: 'integer', min: 1, max: 1_000_000_000, message: t('officer.amountRange') },
            ]}
          >
            <InputNumber<number>
              className="full-width"
              min={1}
              max={1_000_000_000}
              step={1000}
              precision={0}
              addonAfter="₫"
              formatter={(value) => (value ? Number(value).toLocaleString('vi-VN') : '')}
              parser={(value) => Number((value ?? '').replace(/[^\d]/g, ''))}
            />
          </Form.Item>
        ) : null}
        {action === 'return' && dossier.deliveryMethod === 'post' ? (
          <Form.Item name="deliveryTracking" label={t('officer.tracking')} rules={[{ max: 64 }]}>
            <Input maxLength={64} />
          </Form.Item>
        ) : null}
        {input && input.note !== 'none' ? (
          <Form.Item
            name="note"
            label={input.note === 'required' ? t('officer.reason') : t('officer.note')}
            rules={
              input.note === 'required'
                ? [{ required: true, whitespace: true, message: t('officer.reasonRequired') }]
                : []
            }
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
