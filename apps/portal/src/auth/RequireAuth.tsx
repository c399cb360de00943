import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '@dvc/contracts';
import { loginPath, useSession } from './useSession';

/** A page for signed-in users (of a role): others go to login and come back afterwards. */
export function RequireAuth({ role, children }: { role?: Role; children: ReactNode }) {
  const state = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (state.status === 'restoring') {
    return (
      <div className="page-loading" role="status">
        <Spin size="large" />
        <span className="sr-only">{t('common.loading')}</span>
      </div>
    );
  }
  if (state.status === 'anonymous') {
    return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  }
  if (role && !state.user.roles.includes(role)) {
    return <Result status="403" title="403" subTitle={t('common.forbidden')} />;
  }
  return <>{children}</>;
}
