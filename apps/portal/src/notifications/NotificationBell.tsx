import { useEffect, useState } from 'react';
import { Badge, Button, Dropdown, Empty, Spin, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { NotificationView } from '../api/views';
import { formatDateTime } from '../app/format';
import { NOTIFICATIONS_KEY, notificationsApi } from './api';
import { followNotifications } from './stream';

/**
 * Chuông thông báo: the unread count, the latest notifications, live over SSE. A new event
 * refetches the list (the server's list is the truth; the event only says "something new").
 */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [live, setLive] = useState<string | null>(null);
  const list = useQuery({
    queryKey: [...NOTIFICATIONS_KEY, i18n.language],
    queryFn: () => notificationsApi.list(i18n.language === 'en' ? 'en' : 'vi'),
    retry: false,
  });

  useEffect(() => {
    const controller = new AbortController();
    void followNotifications({
      locale: i18n.language,
      signal: controller.signal,
      onOpen: () => void client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
      onEvent: (event) => {
        const title = titleOf(event.data);
        if (title) setLive(title);
        void client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
        // A status change of a dossier on screen: show it without a reload.
        void client.invalidateQueries({ queryKey: ['dossier'] });
        void client.invalidateQueries({ queryKey: ['payments'] });
      },
    });
    return () => controller.abort();
  }, [client, i18n.language]);

  const unread = list.data?.unreadCount ?? 0;
  const items = list.data?.items ?? [];

  async function openItem(item: NotificationView) {
    setOpen(false);
    if (!item.read) {
      await notificationsApi.read(item.id).catch(() => undefined);
      void client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
    }
    if (item.link?.startsWith('/')) void navigate(item.link);
  }

  async function readAll() {
    await notificationsApi.readAll().catch(() => undefined);
    void client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
  }

  const panel = (
    <div className="bell-panel" role="dialog" aria-label={t('bell.title')}>
      <div className="bell-panel-head">
        <Typography.Text strong>{t('bell.title')}</Typography.Text>
        <Button type="link" size="small" onClick={() => void readAll()} disabled={unread === 0}>
          {t('bell.readAll')}
        </Button>
      </div>
      {list.isLoading ? (
        <Spin />
      ) : list.isError ? (
        <Typography.Text type="secondary" className="bell-empty">
          {t('bell.unavailable')}
        </Typography.Text>
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bell.empty')} />
      ) : (
        <ul className="bell-list">
          {items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className={item.read ? 'bell-item' : 'bell-item bell-item-unread'}
                onClick={() => void openItem(item)}
              >
                <span className="bell-item-title">
                  {!item.read ? <span className="bell-dot" aria-label={t('bell.unread')} /> : null}
                  {item.title}
                </span>
                <span className="bell-item-body">{item.body}</span>
                <span className="bell-item-time">{formatDateTime(item.createdAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );

  return (
    <>
      <Dropdown
        open={open}
        onOpenChange={setOpen}
        trigger={['click']}
        placement="bottomRight"
        popupRender={() => panel}
      >
        <Button
          type="text"
          className="topbar-button bell-button"
          aria-label={t('bell.label', { count: unread })}
          icon={
            <Badge count={unread} size="small" overflowCount={99}>
              <BellOutlined className="bell-icon" />
            </Badge>
          }
        />
      </Dropdown>
      <span className="sr-only" role="status" aria-live="polite">
        {live ?? ''}
      </span>
    </>
  );
}

function titleOf(data: string): string | null {
  try {
    const parsed = JSON.parse(data) as { title?: unknown; notification?: { title?: unknown } };
    const title = parsed.title ?? parsed.notification?.title;
    return typeof title === 'string' ? title : null;
  } catch {
    return null;
  }
}
