import { OFFICER_GRANTABLE_ROLES, ROLES, type Role } from '@canbo/domain';
import type { TFunction } from 'i18next';
import { useCurrentUser } from '../../api/auth';

/** Administrators may hand out any role; organisation officers all but administrator. */
export function useGrantableRoles(): readonly Role[] {
  const me = useCurrentUser();
  return me.grants.some((g) => g.role === 'admin') ? ROLES : OFFICER_GRANTABLE_ROLES;
}

export function roleOptions(t: TFunction, roles: readonly Role[]) {
  return roles.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}
