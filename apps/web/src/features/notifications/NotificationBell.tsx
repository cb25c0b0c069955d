import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type Notification, useNotificationMutations, useNotifications } from '../../api/notifications';
import { formatDateTime } from '../../components/format';
import './notifications.css';

/** The header bell: unread count, the latest notifications, mark read, follow the link. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const list = useNotifications();
  const m = useNotificationMutations();
  const unread = list.data?.unread ?? 0;

  const follow = (n: Notification) => {
    if (!n.readAt) m.read.mutate(n.id);
    if (n.link) {
      setOpen(false);
      // Links are app paths ("/evaluations/…"); anything else opens as is.
      if (n.link.startsWith('/')) navigate(n.link);
      else window.open(n.link, '_blank', 'noopener');
    }
  };

  const content = (
    <div className="notif-panel" id="notifications-panel">
      <div className="notif-head">
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button
          type="link"
          size="small"
          id="notifications-read-all"
          disabled={unread === 0}
          loading={m.readAll.isPending}
          onClick={() => m.readAll.mutate()}
        >
          {t('notifications.readAll')}
        </Button>
      </div>
      <List
        size="small"
        dataSource={list.data?.items ?? []}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.none')} />,
        }}
        renderItem={(n) => (
          <List.Item
            key={n.id}
            className={n.readAt ? 'notif-item' : 'notif-item notif-unread'}
            onClick={() => follow(n)}
            actions={
              n.readAt
                ? undefined
                : [
                    <Button
                      key="read"
                      type="link"
                      size="small"
                      onClick={(e) => {
                        e.stopPropagation();
                        m.read.mutate(n.id);
                      }}
                    >
                      {t('notifications.markRead')}
                    </Button>,
                  ]
            }
          >
            <List.Item.Meta
              title={n.title}
              description={
                <>
                  <div className="notif-body">{n.body}</div>
                  <Typography.Text type="secondary" className="notif-time">
                    {formatDateTime(n.createdAt)}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );

  return (
    <Popover
      content={content}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      arrow={false}
    >
      <Button type="text" id="notifications" aria-label={t('notifications.title')}>
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined className="notif-bell" />
        </Badge>
      </Button>
    </Popover>
  );
}
