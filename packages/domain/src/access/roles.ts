/**
 * Roles are granted on an org unit and cover its whole subtree.
 * Permissions are the verbs a route checks; a role is a fixed set of them.
 */
export const ROLES = ['admin', 'officer', 'head', 'manager', 'staff', 'inspector'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'units.read',
  'units.manage',
  /** Restructuring: merge, split, move, dissolve. */
  'units.restructure',
  'people.read',
  'people.manage',
  /** Unmasked CCCD and party-membership data; every such read is audited. */
  'people.readSensitive',
  'imports.run',
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
  officer: [
    'units.read',
    'units.manage',
    'units.restructure',
    'people.read',
    'people.manage',
    'people.readSensitive',
    'imports.run',
    'users.read',
    'users.manage',
    'grants.manage',
  ],
  head: ['units.read', 'people.read'],
  manager: ['units.read', 'people.read'],
  // Staff see the unit tree; their own record is reached through their account, not through scope.
  staff: ['units.read'],
  // The inspection committee reads everything in scope, the audit trail included, and changes nothing.
  inspector: ['units.read', 'people.read', 'people.readSensitive', 'users.read', 'audit.read'],
};

/** Roles an organisation officer may hand out; administrators may grant any role. */
export const OFFICER_GRANTABLE_ROLES: readonly Role[] = ['officer', 'head', 'manager', 'staff', 'inspector'];

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
