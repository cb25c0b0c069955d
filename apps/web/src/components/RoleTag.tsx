import type { Role } from '@canbo/domain';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<Role, string> = {
  admin: 'red',
  officer: 'volcano',
  head: 'gold',
  manager: 'blue',
  staff: 'default',
  inspector: 'purple',
};

export function RoleTag({ role, unitName }: { role: Role; unitName?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[role]} variant="outlined">
      {t(`roles.${role}`)}
      {unitName ? ` · ${unitName}` : ''}
    </Tag>
  );
}
