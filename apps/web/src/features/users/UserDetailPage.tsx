import { ArrowLeftOutlined } from '@ant-design/icons';
import { Col, Result, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useUser } from '../../api/users';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LinkButton } from '../../components/LinkButton';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { useCan } from '../../components/RequirePermission';
import { UserActions } from './UserActions';
import { UserGrants } from './UserGrants';
import { UserProfileForm } from './UserProfileForm';
import { UserStatusTags } from './UserStatusTags';

export default function UserDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const can = useCan();
  const user = useUser(id);

  const back = (
    <LinkButton to="/admin/users" icon={<ArrowLeftOutlined />} type="link" className="back-link">
      {t('users.backToList')}
    </LinkButton>
  );

  if (user.isPending) return <PageLoader />;
  if (isApiError(user.error) && (user.error.status === 404 || user.error.status === 400)) {
    return <Result status="404" title={t('users.notFound')} extra={back} />;
  }
  if (!user.data) return <ErrorAlert error={user.error} />;

  const u = user.data;
  return (
    <>
      {back}
      <PageTitle
        title={u.displayName}
        extra={
          <Space wrap>
            <Typography.Text type="secondary" copyable>
              {u.username}
            </Typography.Text>
            <UserStatusTags user={u} showTotp />
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <UserProfileForm user={u} canEdit={can('users.manage')} onReload={() => user.refetch()} />
        </Col>
        <Col xs={24} lg={10}>
          <UserActions user={u} canManage={can('users.manage')} />
        </Col>
        <Col span={24}>
          <UserGrants user={u} canManage={can('grants.manage')} />
        </Col>
      </Row>
    </>
  );
}
