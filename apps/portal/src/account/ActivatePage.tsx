import { Link, useSearchParams } from 'react-router-dom';
import { Button, Card, Result, Space, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/messages';
import { accountApi } from './api';

/** The link of the activation email: /activate?token=… */
export function ActivatePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  // A query, not an effect: the single-use token is sent once even if the page renders twice.
  const activation = useQuery({
    queryKey: ['activate', token],
    queryFn: () => accountApi.activate(token),
    enabled: token !== '',
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
  });

  if (!token) {
    return (
      <Card className="narrow-card">
        <Result
          status="warning"
          title={<h1 className="result-title">{t('activate.noToken')}</h1>}
        />
      </Card>
    );
  }
  return (
    <Card className="narrow-card">
      {activation.isPending ? (
        <div className="page-loading" role="status">
          <Spin size="large" />
          <p>{t('activate.pending')}</p>
        </div>
      ) : activation.isError ? (
        <Result
          status="error"
          title={<h1 className="result-title">{t('activate.failed')}</h1>}
          subTitle={problemMessage(activation.error, t)}
          extra={
            <Space wrap>
              <Link to="/gui-lai-kich-hoat">
                <Button type="primary">{t('resend.open')}</Button>
              </Link>
              <Link to="/dang-ky">
                <Button>{t('nav.register')}</Button>
              </Link>
            </Space>
          }
        />
      ) : activation.data?.alreadyActive ? (
        <Result
          status="info"
          title={<h1 className="result-title">{t('activate.already')}</h1>}
          subTitle={t('activate.alreadyBody')}
          extra={
            <Link to="/dang-nhap">
              <Button type="primary">{t('nav.login')}</Button>
            </Link>
          }
        />
      ) : (
        <Result
          status="success"
          title={<h1 className="result-title">{t('activate.done')}</h1>}
          subTitle={t('activate.doneBody')}
          extra={
            <Link to="/dang-nhap">
              <Button type="primary">{t('nav.login')}</Button>
            </Link>
          }
        />
      )}
    </Card>
  );
}
