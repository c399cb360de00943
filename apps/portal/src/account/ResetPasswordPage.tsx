import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { accountApi } from './api';
import { NewPasswordFields } from './PasswordFields';
import { useServerErrors } from './useServerErrors';

interface ResetForm {
  newPassword: string;
  confirm: string;
}

/** The link of the reset email: /reset-password?token=… */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [form] = Form.useForm<ResetForm>();
  const server = useServerErrors(form, ['newPassword']);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(values: ResetForm) {
    server.clear();
    setBusy(true);
    try {
      await accountApi.resetPassword(token, values.newPassword);
      setDone(true);
    } catch (err) {
      server.show(err);
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <Card className="narrow-card">
        <Result
          status="success"
          title={<h1 className="result-title">{t('reset.done')}</h1>}
          subTitle={t('reset.doneBody')}
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
    <Card className="narrow-card" title={<h1 className="page-title">{t('reset.title')}</h1>}>
      {!token ? (
        <Alert type="warning" showIcon title={t('reset.noToken')} className="form-alert" />
      ) : null}
      {server.alert ? (
        <Alert type="error" showIcon title={server.alert} className="form-alert" />
      ) : null}
      <Form<ResetForm> name="reset" form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <NewPasswordFields />
        <Button type="primary" htmlType="submit" block disabled={!token} loading={busy}>
          {t('reset.submit')}
        </Button>
      </Form>
    </Card>
  );
}
