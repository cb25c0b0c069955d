/**
 * Roles are granted on an org unit and cover its whole subtree.
 * Permissions are the verbs a route checks; a role is a fixed set of them.
 */
export const ROLES = ['admin', 'officer', 'head', 'manager', 'staff', 'inspector'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'units.read',
  'units.manage',
  'users.read',
  'users.manage',
  'grants.manage',
  'settings.manage',
  'audit.read',
  'jobs.read',
  'jobs.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  officer: ['units.read', 'units.manage', 'users.read', 'users.manage', 'grants.manage'],
  head: ['units.read'],
  manager: ['units.read'],
  staff: ['units.read'],
  // The inspection committee reads everything in scope, the audit trail included, and changes nothing.
  inspector: ['units.read', 'users.read', 'audit.read'],
};

/** Roles an organisation officer may hand out; administrators may grant any role. */
export const OFFICER_GRANTABLE_ROLES: readonly Role[] = ['officer', 'head', 'manager', 'staff', 'inspector'];

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
