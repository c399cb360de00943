import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { App as AntApp, Button, Drawer, Dropdown, Grid, Segmented, Space } from 'antd';
import { DownOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { onSessionExpired } from '../api/http';
import { accountApi } from '../account/api';
import { hasRole, loginPath, useSession } from '../auth/useSession';
import { setLanguage, type Language } from '../i18n';
import { NotificationBell } from '../notifications/NotificationBell';

/** The emblem-like mark of the portal: a gold star on red (not the national emblem). */
function Logo() {
  return (
    <svg className="logo" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <circle cx="32" cy="32" r="30" fill="#ffd400" />
      <circle cx="32" cy="32" r="26" fill="#a5151b" />
      <path
        fill="#ffd400"
        d="M32 12l5.6 17.2H55.7L41 39.8l5.6 17.2L32 46.4 17.4 57l5.6-17.2L8.3 29.2h18.1z"
      />
    </svg>
  );
}

function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <Segmented
      size="small"
      className="language-switch"
      aria-label={t('shell.language')}
      value={i18n.language === 'en' ? 'en' : 'vi'}
      onChange={(value) => setLanguage(value as Language)}
      options={[
        { label: 'VI', value: 'vi', title: 'Tiếng Việt' },
        { label: 'EN', value: 'en', title: 'English' },
      ]}
    />
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const state = useSession();
  const me = useQuery({ queryKey: ['me'], queryFn: accountApi.me, staleTime: 60_000 });
  const citizen = hasRole(state, 'citizen');
  const items = [
    { key: '/tai-khoan', label: t('nav.profile') },
    ...(citizen
      ? [
          { key: '/tai-khoan/ho-so', label: t('nav.myDossiers') },
          { key: '/tai-khoan/giay-to', label: t('nav.documents') },
          { key: '/tai-khoan/giao-dich', label: t('nav.payments') },
        ]
      : []),
    { type: 'divider' as const },
    { key: 'logout', label: t('nav.logout') },
  ];
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items,
        onClick: ({ key }) => {
          if (key === 'logout') {
            void accountApi.logout().finally(() => navigate('/'));
          } else void navigate(key);
        },
      }}
    >
      <Button type="text" className="topbar-button user-button" aria-haspopup="menu">
        <UserOutlined aria-hidden="true" />
        <span className="user-name">{me.data?.fullName ?? t('nav.account')}</span>
        <DownOutlined aria-hidden="true" />
      </Button>
    </Dropdown>
  );
}

/** Header, menu, footer around every page; sends an expired session to login and back. */
export function Shell() {
  const { t } = useTranslation();
  const state = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = AntApp.useApp();
  const screens = Grid.useBreakpoint();
  const [drawer, setDrawer] = useState(false);
  const here = useRef(location);
  here.current = location;

  useEffect(
    () =>
      onSessionExpired(() => {
        void message.warning(t('auth.expired'));
        const { pathname, search } = here.current;
        void navigate(loginPath(pathname + search), { replace: true });
      }),
    [message, navigate, t],
  );

  useEffect(() => setDrawer(false), [location.pathname]);
  useEffect(() => {
    // The tab's title follows the page's heading (what screen readers announce on a new page).
    const main = document.getElementById('main');
    if (!main) return;
    const update = () => {
      const heading = main.querySelector('h1')?.textContent?.trim();
      const title = heading ? `${heading} — ${t('shell.title')}` : t('shell.title');
      if (document.title !== title) document.title = title;
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(main, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [t]);
  useEffect(() => {
    // A new page: its heading gets the focus target, and the page starts at the top.
    window.scrollTo(0, 0);
  }, [location.pathname]);

  const links = [
    { to: '/', label: t('nav.home'), end: true },
    { to: '/thu-tuc', label: t('nav.services') },
    { to: '/#tra-cuu', label: t('nav.lookup') },
    { to: '/phan-anh', label: t('nav.feedback') },
    { to: '/danh-gia-chat-luong', label: t('nav.scores') },
    ...(hasRole(state, 'citizen') ? [{ to: '/tai-khoan/ho-so', label: t('nav.myDossiers') }] : []),
    ...(hasRole(state, 'officer') ? [{ to: '/can-bo', label: t('nav.officer') }] : []),
    ...(hasRole(state, 'admin') ? [{ to: '/quan-tri/thu-tuc', label: t('nav.admin') }] : []),
  ];
  const wide = screens.md !== false;
  const navLinks = (
    <ul className={wide ? 'mainnav-list' : 'mainnav-list mainnav-vertical'}>
      {links.map((link) => (
        <li key={link.to}>
          <NavLink
            to={link.to}
            end={link.end}
            className={({ isActive }) =>
              isActive && !link.to.includes('#') ? 'mainnav-link active' : 'mainnav-link'
            }
          >
            {link.label}
          </NavLink>
        </li>
      ))}
    </ul>
  );

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('shell.skip')}
      </a>
      <div className="topbar">
        <div className="container topbar-inner">
          <span className="topbar-tagline">{t('shell.tagline')}</span>
          <Space size={4} wrap className="topbar-actions">
            <LanguageSwitch />
            {state.status === 'authenticated' ? (
              <>
                <NotificationBell />
                <UserMenu />
              </>
            ) : state.status === 'anonymous' ? (
              <>
                <Link className="topbar-link" to="/dang-ky">
                  {t('nav.register')}
                </Link>
                <Link
                  className="topbar-link topbar-link-strong"
                  to={loginPath(location.pathname + location.search)}
                >
                  {t('nav.login')}
                </Link>
              </>
            ) : null}
          </Space>
        </div>
      </div>
      <header className="masthead">
        <div className="container masthead-inner">
          {/* The name is the visible text (WCAG 2.5.3), the destination said after it. */}
          <Link to="/" className="brand">
            <Logo />
            <span className="brand-text">
              <span className="brand-title">{t('shell.title')}</span>
              <span className="brand-subtitle">{t('shell.subtitle')}</span>
              <span className="sr-only"> {t('shell.homeLink')}</span>
            </span>
          </Link>
          {!wide ? (
            <Button
              className="menu-button"
              icon={<MenuOutlined />}
              aria-label={t('shell.openMenu')}
              aria-expanded={drawer}
              onClick={() => setDrawer(true)}
            />
          ) : null}
        </div>
      </header>
      {wide ? (
        <nav className="mainnav" aria-label={t('shell.mainMenu')}>
          <div className="container">{navLinks}</div>
        </nav>
      ) : (
        <Drawer
          open={drawer}
          onClose={() => setDrawer(false)}
          placement="right"
          title={t('shell.mainMenu')}
          size="default"
        >
          <nav aria-label={t('shell.mainMenu')}>{navLinks}</nav>
        </Drawer>
      )}
      <main id="main" tabIndex={-1} className="main">
        <div className="container">
          <Outlet />
        </div>
      </main>
      <footer className="footer">
        <div className="container footer-inner">
          <div>
            <strong>{t('shell.title')}</strong>
            <p>{t('shell.footerAbout')}</p>
          </div>
          <div>
            <p>{t('shell.footerHotline')}</p>
            <p>{t('shell.footerNote')}</p>
          </div>
        </div>
      </footer>
    </div>
  );
}
