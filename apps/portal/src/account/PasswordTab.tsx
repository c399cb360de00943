import { useState } from 'react';
import { Alert, App as AntApp, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { accountApi } from './api';
import { NewPasswordFields } from './PasswordFields';
import { useServerErrors } from './useServerErrors';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function PasswordTab() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const server = useServerErrors(form, ['currentPassword', 'newPassword']);
  const [busy, setBusy] = useState(false);

  async function submit(values: PasswordForm) {
    server.clear();
    setBusy(true);
    try {
      await accountApi.changePassword(values.currentPassword, values.newPassword);
      form.resetFields();
      void message.success(t('password.changed'));
    } catch (err) {
      server.show(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="tab-body">
      {server.alert ? (
        <Alert type="error" showIcon title={server.alert} className="form-alert" />
      ) : null}
      <Form<PasswordForm>
        name="password"
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        className="form-narrow"
      >
        <Form.Item
          name="currentPassword"
          label={t('account.currentPassword')}
          rules={[{ required: true, message: t('validation.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields />
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('password.submit')}
        </Button>
      </Form>
    </div>
  );
}
