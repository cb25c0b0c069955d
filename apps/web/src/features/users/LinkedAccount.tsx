import { UserOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../api/auth';
import { useUsers } from '../../api/users';

/** The account linked to a personnel record, for callers who may see users (else nothing). */
export function LinkedAccount({ personId }: { personId: string }) {
  const me = useCurrentUser();
  return me.permissions.includes('users.read') ? <AccountOf personId={personId} /> : null;
}

function AccountOf({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const users = useUsers({ personId, page: 1, pageSize: 1 });
  const account = users.data?.items[0];
  if (!account) return null;
  return (
    <Tag icon={<UserOutlined />} id="person-account">
      <Link to={`/admin/users/${account.id}`}>
        {t('users.linkedAccount', { username: account.username })}
      </Link>
    </Tag>
  );
}
