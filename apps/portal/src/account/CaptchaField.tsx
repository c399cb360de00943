import { Button, Form, Input, Spin } from 'antd';
import type { FormInstance } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/problem';
import { accountApi } from './api';

/** The server's single-use captcha as a form shows it: one image, one guess. */
export interface Captcha {
  captchaId: string | null;
  svg: string | null;
  /** A new image, the typed answer cleared (after any attempt: the old one is spent). */
  renew: () => void;
  /** Puts a `captcha.*` problem on the answer field; false for any other error. */
  showError: (err: unknown) => boolean;
  /** What was wrong with the last answer, until the person types a new one. */
  error: string | null;
  clearError: () => void;
}

/**
 * A captcha for one form (`scope` keeps two forms of one page apart), fetched while `enabled`.
 * The form gets its answer as `captchaAnswer`.
 */
export function useCaptcha(scope: string, enabled: boolean, form: FormInstance): Captcha {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['captcha', scope],
    queryFn: accountApi.captcha,
    enabled,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
  // Kept here, not in the form's field errors: loading the new image must not wipe it.
  const [error, setError] = useState<string | null>(null);
  return {
    captchaId: query.data?.captchaId ?? null,
    svg: query.data ? `data:image/svg+xml;base64,${toBase64(query.data.svg)}` : null,
    renew() {
      form.setFieldValue('captchaAnswer', '');
      void query.refetch();
    },
    showError(err) {
      if (!(err instanceof ApiProblem) || !err.code.startsWith('captcha')) return false;
      setError(t('forgot.captchaWrong'));
      return true;
    },
    error,
    clearError: () => setError(null),
  };
}

/** The captcha image, the "another code" button and the answer field. */
export function CaptchaField({ captcha }: { captcha: Captcha }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="captcha-row">
        <div className="captcha-image" aria-live="polite">
          {captcha.svg ? (
            <img src={captcha.svg} alt={t('forgot.captchaAlt')} width={180} height={64} />
          ) : (
            <Spin size="small" />
          )}
        </div>
        <Button icon={<ReloadOutlined />} onClick={captcha.renew}>
          {t('forgot.captchaRefresh')}
        </Button>
      </div>
      <Form.Item
        name="captchaAnswer"
        label={t('forgot.captcha')}
        rules={[{ required: true, whitespace: true, message: t('forgot.captchaRequired') }]}
        {...(captcha.error
          ? { validateStatus: 'error' as const, help: <span role="alert">{captcha.error}</span> }
          : {})}
      >
        <Input autoComplete="off" maxLength={16} onChange={captcha.clearError} />
      </Form.Item>
    </>
  );
}

/** base64 of UTF-8 text (btoa alone only takes Latin-1). */
function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
