import { useNavigate, useParams } from 'react-router-dom';
import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasRole, useSession } from '../auth/useSession';
import { PaymentsTab } from '../payments/PaymentsTab';
import { DocumentsTab } from './DocumentsTab';
import { MyDossiersTab } from './MyDossiersTab';
import { PasswordTab } from './PasswordTab';
import { ProfileTab } from './ProfileTab';

/** Trang cá nhân: one tab per concern, each with its own address (/tai-khoan/giay-to…). */
export function AccountPage() {
  const { t } = useTranslation();
  const { tab = 'thong-tin' } = useParams<{ tab?: string }>();
  const navigate = useNavigate();
  const citizen = hasRole(useSession(), 'citizen');
  const tabs = [
    { key: 'thong-tin', label: t('account.tabs.profile'), children: <ProfileTab /> },
    { key: 'mat-khau', label: t('account.tabs.password'), children: <PasswordTab /> },
    ...(citizen
      ? [
          { key: 'giay-to', label: t('account.tabs.documents'), children: <DocumentsTab /> },
          { key: 'ho-so', label: t('account.tabs.dossiers'), children: <MyDossiersTab /> },
          { key: 'giao-dich', label: t('account.tabs.payments'), children: <PaymentsTab /> },
        ]
      : []),
  ];
  return (
    <Card title={<h1 className="page-title">{t('account.title')}</h1>}>
      <Tabs
        className="account-tabs"
        activeKey={tabs.some((x) => x.key === tab) ? tab : 'thong-tin'}
        onChange={(key) => void navigate(key === 'thong-tin' ? '/tai-khoan' : `/tai-khoan/${key}`)}
        items={tabs}
        destroyOnHidden
      />
    </Card>
  );
}
