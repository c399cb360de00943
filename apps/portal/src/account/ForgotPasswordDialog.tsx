import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { accountApi } from './api';
import { CaptchaField, useCaptcha } from './CaptchaField';
import { useServerErrors } from './useServerErrors';

interface ForgotForm {
  email: string;
  captchaAnswer: string;
}

/**
 * Quên mật khẩu, or Gửi lại email kích hoạt (`purpose: 'activation'`): email + the server's
 * captcha image (refreshable, single use). Both answer the same for any address; both end in
 * a link that lets the mailbox's holder set the password (which activates a pending account).
 */
export function ForgotPasswordDialog({
  open,
  onClose,
  purpose = 'forgot',
}: {
  open: boolean;
  onClose: () => void;
  purpose?: 'forgot' | 'activation';
}) {
  const { t } = useTranslation();
  const words = purpose === 'activation' ? 'resend' : 'forgot';
  const [form] = Form.useForm<ForgotForm>();
  const server = useServerErrors(form, ['email', 'captchaAnswer']);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const captcha = useCaptcha(purpose, open && !sent, form);

  useEffect(() => {
    if (!open) {
      setSent(null);
      server.clear();
      form.resetFields();
    }
  }, [open]);

  async function submit(values: ForgotForm) {
    if (!captcha.captchaId) return;
    server.clear();
    setBusy(true);
    try {
      const send =
        purpose === 'activation' ? accountApi.resendActivation : accountApi.forgotPassword;
      const answer = await send({
        email: values.email,
        captchaId: captcha.captchaId,
        captchaAnswer: values.captchaAnswer.trim(),
      });
      setSent(answer.message);
    } catch (err) {
      // A captcha is single use: whatever happened, the next try needs a new one.
      captcha.renew();
      if (!captcha.showError(err)) server.show(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open={open} onCancel={onClose} title={t(`${words}.title`)} footer={null} destroyOnHidden>
      {sent ? (
        <Result
          status="success"
          title={t('forgot.sentTitle')}
          subTitle={
            <span role="status">
              {sent} {t('register.sentSpam')}
            </span>
          }
          extra={<Button onClick={onClose}>{t('common.close')}</Button>}
        />
      ) : (
        <Form<ForgotForm>
          name={purpose}
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
        >
          <p>{t(`${words}.intro`)}</p>
          {server.alert ? (
            <Alert type="error" showIcon title={server.alert} className="form-alert" />
          ) : null}
          <Form.Item
            name="email"
            label={t('account.email')}
            rules={[
              { required: true, message: t('validation.emailRequired') },
              { type: 'email', message: t('validation.email') },
            ]}
          >
            <Input type="email" autoComplete="email" />
          </Form.Item>
          <CaptchaField captcha={captcha} />
          <Space>
            <Button type="primary" htmlType="submit" loading={busy} disabled={!captcha.captchaId}>
              {t(`${words}.submit`)}
            </Button>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      )}
    </Modal>
  );
}
