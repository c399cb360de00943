import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** "Nhập lại mật khẩu": required and equal to the password field `of`. */
export function ConfirmPasswordField({ of }: { of: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="confirm"
      label={t('account.confirmPassword')}
      dependencies={[of]}
      rules={[
        { required: true, message: t('validation.confirmRequired') },
        ({ getFieldValue }) => ({
          validator: (_rule, value: string | undefined) =>
            !value || value === getFieldValue(of)
              ? Promise.resolve()
              : Promise.reject(new Error(t('validation.confirmMismatch'))),
        }),
      ]}
    >
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
}

/** A new password (8–128 characters, docs/design.md §9) and its confirmation, as `newPassword`/`confirm`. */
export function NewPasswordFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="newPassword"
        label={t('account.newPassword')}
        extra={t('register.passwordHelp')}
        rules={[
          { required: true, message: t('validation.passwordRequired') },
          { min: 8, message: t('validation.passwordMin') },
          { max: 128, message: t('validation.max', { max: 128 }) },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <ConfirmPasswordField of="newPassword" />
    </>
  );
}
