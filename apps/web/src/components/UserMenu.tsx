import { KeyOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser, useSignOut } from '../api/auth';
import { useErrorText } from './useErrorText';

/** The menu passes unknown item props through to its <li>; browser tests find items by these ids. */
const domId = (id: string): object => ({ id });

export function UserMenu({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const { message } = App.useApp();
  const text = useErrorText();

  const doSignOut = async () => {
    try {
      await signOut.mutateAsync();
    } catch (err) {
      // The session is dropped on this side anyway; tell the user if the server did not answer.
      message.warning(text.message(err));
    }
    // Notices of the last user must not linger on a shared computer.
    message.destroy();
    navigate('/sign-in', { replace: true });
  };

  const items: MenuProps['items'] = [
    {
      key: 'who',
      label: `${me.user.displayName} (${me.user.username})`,
      disabled: true,
      icon: <UserOutlined />,
    },
    { type: 'divider' },
    {
      key: '/account/password',
      label: t('header.changePassword'),
      icon: <KeyOutlined />,
      ...domId('menu-password'),
    },
    {
      key: '/account/security',
      label: t('header.twoFactor'),
      icon: <SafetyOutlined />,
      ...domId('menu-two-factor'),
    },
    { type: 'divider' },
    {
      key: 'sign-out',
      label: t('header.signOut'),
      icon: <LogoutOutlined />,
      danger: true,
      ...domId('sign-out'),
    },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'sign-out') void doSignOut();
    else navigate(key);
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" id="user-menu" icon={<UserOutlined />} aria-label={t('header.userMenu')}>
        {compact ? null : <span className="user-menu-name">{me.user.displayName}</span>}
      </Button>
    </Dropdown>
  );
}
