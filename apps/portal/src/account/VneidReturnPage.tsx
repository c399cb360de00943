import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Card, Spin } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/messages';
import { safeReturnUrl } from '../auth/useSession';
import { accountApi } from './api';

/** Back from VNeID: the one-time code in the address becomes the session, then returnTo opens. */
export function VneidReturnPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  // The code works once: React's development double effect must not spend it twice.
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const code = params.get('code');
    if (!code) {
      setError(t('login.vneidFailed'));
      return;
    }
    accountApi
      .exchangeVneidCode(code)
      .then(() => {
        client.clear();
        void navigate(safeReturnUrl(params.get('returnTo')), { replace: true });
      })
      .catch((err: unknown) => setError(problemMessage(err, t)));
  }, [client, navigate, params, t]);

  return (
    <Card className="narrow-card" title={<h1 className="page-title">{t('login.title')}</h1>}>
      {error ? (
        <>
          <Alert type="error" showIcon title={error} className="form-alert" role="alert" />
          <Link to="/dang-nhap">{t('login.title')}</Link>
        </>
      ) : (
        <Spin tip={t('login.vneidFinishing')}>
          <p>{t('login.vneidFinishing')}</p>
        </Spin>
      )}
    </Card>
  );
}
