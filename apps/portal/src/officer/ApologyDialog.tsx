import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import type { OfficerDossierView } from '../api/views';
import { useServerErrors } from '../account/useServerErrors';
import { officerApi } from './api';

interface ApologyForm {
  reason?: string;
  newDueAt?: Dayjs;
}

/**
 * Xin lỗi, hẹn lại ngày trả: the reason and the new date; the server checks the rules
 * (processing, after the current due date, working time) and signs the letter.
 */
export function ApologyDialog({
  open,
  dossier,
  onClose,
  onDone,
}: {
  open: boolean;
  dossier: OfficerDossierView;
  onClose: () => void;
  onDone: (updated: OfficerDossierView) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ApologyForm>();
  const server = useServerErrors(form, ['reason', 'newDueAt']);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    let values: ApologyForm;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    server.clear();
    setBusy(true);
    try {
      const updated = await officerApi.apologize(dossier.id, {
        reason: values.reason!.trim(),
        newDueAt: values.newDueAt!.toISOString(),
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
      open={open}
      title={t('officer.actions.apologize')}
      onCancel={onClose}
      onOk={() => void confirm()}
      okText={t('officer.actions.apologize')}
      okButtonProps={{ loading: busy }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <p>{t('officer.actionHelp.apologize')}</p>
      {server.alert ? (
        <Alert type="error" showIcon title={server.alert} className="form-alert" role="alert" />
      ) : null}
      <Form<ApologyForm> name="apology" form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('officer.reason')}
          rules={[{ required: true, whitespace: true, message: t('officer.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="newDueAt"
          label={t('officer.newDueAt')}
          rules={[{ required: true, message: t('officer.newDueAtRequired') }]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm', minuteStep: 15 }}
            format="DD/MM/YYYY HH:mm"
            className="full-width"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
