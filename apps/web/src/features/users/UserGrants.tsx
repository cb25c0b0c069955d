import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { GrantView, Role } from '@canbo/domain';
import { App, Button, Card, Form, Popconfirm, Select, Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { type UserDetail, useAddGrant, useRemoveGrant } from '../../api/users';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { RoleTag } from '../../components/RoleTag';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useErrorText } from '../../components/useErrorText';
import { roleOptions, useGrantableRoles } from './roles';

/** The user's roles, each held on a unit and its whole subtree. */
export function UserGrants({ user, canManage }: { user: UserDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const text = useErrorText();
  const add = useAddGrant(user.id);
  const remove = useRemoveGrant();
  const roles = useGrantableRoles();
  const [form] = Form.useForm<{ role: Role; unitId: string }>();

  const submit = async (v: { role: Role; unitId: string }) => {
    try {
      await add.mutateAsync(v);
      form.resetFields();
      message.success(t('users.grantAdded'));
    } catch {
      // Shown under the form.
    }
  };

  const columns: TableProps<GrantView>['columns'] = [
    {
      title: t('users.role'),
      dataIndex: 'role',
      key: 'role',
      render: (role: Role) => <RoleTag role={role} />,
    },
    { title: t('users.unit'), dataIndex: 'unitName', key: 'unitName' },
    {
      title: t('users.grantedAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 120,
      render: (v: string) => formatDate(v),
    },
  ];
  if (canManage) {
    columns.push({
      key: 'remove',
      width: 60,
      align: 'center',
      render: (_: unknown, g) => (
        <Popconfirm
          title={t('users.removeGrantConfirm', { role: t(`roles.${g.role}`), unit: g.unitName })}
          okText={t('common.yes')}
          cancelText={t('common.no')}
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            remove
              .mutateAsync(g.id)
              .then(() => message.success(t('users.grantRemoved')))
              .catch((err: unknown) => message.error(text.message(err)))
          }
        >
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('users.removeGrant')}
            className="remove-grant"
            data-grant-id={g.id}
          />
        </Popconfirm>
      ),
    });
  }

  return (
    <Card title={t('users.grants')} size="small" id="user-grants">
      {canManage ? (
        <Form form={form} layout="inline" onFinish={submit} className="grant-form">
          <Form.Item
            name="role"
            htmlFor="grant-role"
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select
              id="grant-role"
              options={roleOptions(t, roles)}
              placeholder={t('users.role')}
              className="grant-role"
            />
          </Form.Item>
          <Form.Item
            name="unitId"
            htmlFor="grant-unit"
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <UnitTreeSelect id="grant-unit" className="grant-unit" />
          </Form.Item>
          <Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              icon={<PlusOutlined />}
              loading={add.isPending}
              id="grant-add"
            >
              {t('users.addGrant')}
            </Button>
          </Form.Item>
        </Form>
      ) : null}
      {add.isError ? (
        <div className="mb-16">
          <ErrorAlert error={add.error} />
        </div>
      ) : null}
      <Table<GrantView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={user.grants}
        pagination={false}
        scroll={{ x: 560 }}
        locale={{ emptyText: t('users.noGrants') }}
      />
    </Card>
  );
}
