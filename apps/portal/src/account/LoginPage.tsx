import { useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/messages';
import { ApiProblem } from '../api/problem';
import { session } from '../auth/session';
import { safeReturnUrl } from '../auth/useSession';
import { accountApi } from './api';
import { CaptchaField, useCaptcha } from './CaptchaField';
import { ForgotPasswordDialog } from './ForgotPasswordDialog';

interface LoginForm {
  email: string;
  password: string;
  captchaAnswer?: string;
}

/** Where a user lands after login when no page asked for it. */
function homeOf(roles: string[]): string {
  if (roles.includes('officer')) return '/can-bo';
  if (roles.includes('admin')) return '/quan-tri/thu-tuc';
  return '/';
}

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<LoginForm>();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const returnUrl = params.get('returnUrl');
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [forgot, setForgot] = useState(location.pathname === '/forgot-password');
  const [resend, setResend] = useState(location.pathname === '/gui-lai-kich-hoat');
  // Asked for by the server once the account is under attack (many failed logins).
  const [captchaNeeded, setCaptchaNeeded] = useState(false);
  const captcha = useCaptcha('login', captchaNeeded, form);

  async function submit(values: LoginForm) {
    setAlert(null);
    setBusy(true);
    try {
      const answer =
        captchaNeeded && captcha.captchaId
          ? { captchaId: captcha.captchaId, captchaAnswer: (values.captchaAnswer ?? '').trim() }
          : undefined;
      await accountApi.login(values.email.trim(), values.password, answer);
      client.clear();
      const state = session.snapshot;
      const roles = state.status === 'authenticated' ? state.user.roles : [];
      void navigate(returnUrl ? safeReturnUrl(returnUrl) : homeOf(roles), { replace: true });
    } catch (err) {
      // Whatever happened, the captcha shown was spent.
      if (captchaNeeded) captcha.renew();
      if (err instanceof ApiProblem && err.code === 'auth.captcha_required') {
        setAlert(t('login.captchaNeeded'));
        setCaptchaNeeded(true);
      } else if (!captcha.showError(err)) {
        if (err instanceof ApiProblem && err.status === 401) {
          form.setFields([
            { name: 'password', errors: [err.detailIn(i18n.language) ?? t('login.wrong')] },
          ]);
        } else setAlert(problemMessage(err, t));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card className="narrow-card" title={<h1 className="page-title">{t('login.title')}</h1>}>
      {returnUrl ? (
        <Alert type="info" showIcon title={t('login.needed')} className="form-alert" />
      ) : null}
      {alert ? (
        <Alert type="error" showIcon title={alert} className="form-alert" role="alert" />
      ) : null}
      <Form<LoginForm> name="login" form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="email"
          label={t('account.email')}
          rules={[
            { required: true, message: t('validation.emailRequired') },
            { type: 'email', message: t('validation.email') },
          ]}
        >
          <Input type="email" autoComplete="username" inputMode="email" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('account.password')}
          rules={[{ required: true, message: t('validation.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        {captchaNeeded ? <CaptchaField captcha={captcha} /> : null}
        <div className="login-links">
          <Button type="link" className="link-button" onClick={() => setForgot(true)}>
            {t('login.forgot')}
          </Button>
          <Button type="link" className="link-button" onClick={() => setResend(true)}>
            {t('resend.open')}
          </Button>
        </div>
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          {t('login.submit')}
        </Button>
        <div className="login-or">{t('login.or')}</div>
        <Button
          block
          size="large"
          className="vneid-button"
          href={accountApi.vneidStartUrl(returnUrl ? safeReturnUrl(returnUrl) : '/')}
        >
          {t('login.vneid')}
        </Button>
        <p className="form-footer">
          {t('login.noAccount')} <Link to="/dang-ky">{t('nav.register')}</Link>
        </p>
      </Form>
      <ForgotPasswordDialog open={forgot} onClose={() => setForgot(false)} />
      <ForgotPasswordDialog open={resend} onClose={() => setResend(false)} purpose="activation" />
    </Card>
  );
}
