import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Result } from 'antd';
import { MailOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { accountApi, type RegisterInput } from './api';
import { CaptchaField, useCaptcha } from './CaptchaField';
import { useServerErrors } from './useServerErrors';
import { ConfirmPasswordField } from './PasswordFields';

interface RegisterForm extends Omit<RegisterInput, 'captchaId'> {
  confirm: string;
}

const FIELDS = ['email', 'password', 'fullName', 'phone', 'idNumber', 'captchaAnswer'] as const;

/**
 * Đăng ký tài khoản (with the captcha), then "check your email (and the spam folder)": the
 * same answer whether or not the address already has an account, whose holder is emailed.
 */
export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<RegisterForm>();
  const server = useServerErrors(form, FIELDS);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const captcha = useCaptcha('register', !sentTo, form);

  async function submit(values: RegisterForm) {
    if (!captcha.captchaId) return;
    server.clear();
    setBusy(true);
    try {
      const { confirm: _confirm, ...input } = values;
      await accountApi.register({
        ...input,
        phone: input.phone || undefined,
        idNumber: input.idNumber || undefined,
        locale: i18n.language === 'en' ? 'en' : 'vi',
        captchaId: captcha.captchaId,
        captchaAnswer: input.captchaAnswer.trim(),
      });
      setSentTo(values.email);
    } catch (err) {
      // The captcha was spent by this attempt, right or wrong: a new one, then what went wrong.
      captcha.renew();
      if (!captcha.showError(err)) server.show(err);
    } finally {
      setBusy(false);
    }
  }

  if (sentTo) {
    return (
      <Card className="narrow-card">
        <Result
          icon={<MailOutlined />}
          status="success"
          title={<h1 className="result-title">{t('register.sentTitle')}</h1>}
          subTitle={
            <div className="register-sent" role="status">
              <p>{t('register.sentBody', { email: sentTo })}</p>
              <p>
                <strong>{t('register.sentSpam')}</strong>
              </p>
              <p>{t('register.sentValidity')}</p>
            </div>
          }
          extra={
            <Link to="/dang-nhap">
              <Button type="primary">{t('nav.login')}</Button>
            </Link>
          }
        />
      </Card>
    );
  }

  return (
    <Card className="narrow-card" title={<h1 className="page-title">{t('register.title')}</h1>}>
      {server.alert ? (
        <Alert type="error" showIcon title={server.alert} className="form-alert" />
      ) : null}
      <Form<RegisterForm>
        name="register"
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        scrollToFirstError
        validateTrigger="onBlur"
      >
        <Form.Item
          name="fullName"
          label={t('account.fullName')}
          rules={[
            { required: true, whitespace: true, message: t('validation.fullNameRequired') },
            { max: 200, message: t('validation.max', { max: 200 }) },
          ]}
        >
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('account.email')}
          rules={[
            { required: true, message: t('validation.emailRequired') },
            { type: 'email', message: t('validation.email') },
          ]}
        >
          <Input type="email" autoComplete="email" inputMode="email" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('account.password')}
          extra={t('register.passwordHelp')}
          rules={[
            { required: true, message: t('validation.passwordRequired') },
            { min: 8, message: t('validation.passwordMin') },
            { max: 128, message: t('validation.max', { max: 128 }) },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                value &&
                value.trim().toLowerCase() ===
                  String(getFieldValue('email') ?? '')
                    .trim()
                    .toLowerCase()
                  ? Promise.reject(new Error(t('validation.passwordNotEmail')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <ConfirmPasswordField of="password" />
        <Form.Item
          name="phone"
          label={t('account.phone')}
          rules={[{ pattern: /^\+?[0-9]{9,15}$/, message: t('validation.phone') }]}
        >
          <Input type="tel" autoComplete="tel" inputMode="tel" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={t('account.idNumber')}
          extra={t('register.idNumberHelp')}
          rules={[{ pattern: /^[0-9]{12}$/, message: t('validation.idNumber') }]}
        >
          <Input inputMode="numeric" maxLength={12} />
        </Form.Item>
        <CaptchaField captcha={captcha} />
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={busy}
          disabled={!captcha.captchaId}
        >
          {t('register.submit')}
        </Button>
        <p className="form-footer">
          {t('register.haveAccount')} <Link to="/dang-nhap">{t('nav.login')}</Link>
        </p>
      </Form>
    </Card>
  );
}
