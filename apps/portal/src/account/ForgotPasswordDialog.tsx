import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, Modal, Result, Space, Spin } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/problem';
import { accountApi } from './api';
import { useServerErrors } from './useServerErrors';

interface ForgotForm {
  email: string;
  captchaAnswer: string;
}

/** Quên mật khẩu: email + the server's captcha image (refreshable, single use). */
export function ForgotPasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ForgotForm>();
  const server = useServerErrors(form, ['email', 'captchaAnswer']);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const captcha = useQuery({
    queryKey: ['captcha'],
    queryFn: accountApi.captcha,
    enabled: open && !sent,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });

  useEffect(() => {
    if (!open) {
      setSent(null);
      server.clear();
      form.resetFields();
    }
  }, [open]);

  function newCaptcha() {
    form.setFieldValue('captchaAnswer', '');
    void captcha.refetch();
  }

  async function submit(values: ForgotForm) {
    if (!captcha.data) return;
    server.clear();
    setBusy(true);
    try {
      const answer = await accountApi.forgotPassword({
        email: values.email,
        captchaId: captcha.data.captchaId,
        captchaAnswer: values.captchaAnswer.trim(),
      });
      setSent(answer.message);
    } catch (err) {
      if (err instanceof ApiProblem && err.code.startsWith('captcha')) {
        form.setFields([
          { name: 'captchaAnswer', errors: [err.detail ?? t('forgot.captchaWrong')] },
        ]);
      } else server.show(err);
      // A captcha is single use: whatever happened, the next try needs a new one.
      newCaptcha();
    } finally {
      setBusy(false);
    }
  }

  const svg = captcha.data ? `data:image/svg+xml;base64,${toBase64(captcha.data.svg)}` : null;
  return (
    <Modal open={open} onCancel={onClose} title={t('forgot.title')} footer={null} destroyOnHidden>
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
          name="forgot"
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
        >
          <p>{t('forgot.intro')}</p>
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
          <div className="captcha-row">
            <div className="captcha-image" aria-live="polite">
              {svg ? (
                <img src={svg} alt={t('forgot.captchaAlt')} width={150} height={50} />
              ) : (
                <Spin size="small" />
              )}
            </div>
            <Button
              icon={<ReloadOutlined />}
              onClick={newCaptcha}
              aria-label={t('forgot.captchaRefresh')}
              title={t('forgot.captchaRefresh')}
            />
          </div>
          <Form.Item
            name="captchaAnswer"
            label={t('forgot.captcha')}
            rules={[{ required: true, whitespace: true, message: t('forgot.captchaRequired') }]}
          >
            <Input autoComplete="off" maxLength={16} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy} disabled={!captcha.data}>
              {t('forgot.submit')}
            </Button>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      )}
    </Modal>
  );
}

/** base64 of UTF-8 text (btoa alone only takes Latin-1). */
function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
