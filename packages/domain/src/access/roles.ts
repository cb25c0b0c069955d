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
  /** Evaluations of everyone whose unit lies in scope (leaders of those units included). */
  'evaluations.read',
  /** Review (and read) evaluations whose deciding unit lies in scope: the people one reviews. */
  'evaluations.review',
  /** The head's decision and publication, within the unit's quota. */
  'evaluations.decide',
  /** Frameworks, cycles, KPI catalogues, outstanding units, reopening final results. */
  'evaluations.manage',
  /** Confidence votes: set up, run and close sessions, issue ballots, read results (docs/VOTES.md). */
  'votes.manage',
  /** Read vote sessions and their results once closed. */
  'votes.read',
  /** Indicators, targets and the work programme of units in scope (docs/REPORTS.md); aggregates only. */
  'reports.read',
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
    'evaluations.read',
    'evaluations.manage',
    'votes.manage',
    'reports.read',
  ],
  head: ['units.read', 'people.read', 'evaluations.review', 'evaluations.decide', 'reports.read'],
  manager: ['units.read', 'people.read', 'evaluations.review'],
  // Staff see the unit tree; their own record and evaluations are reached through their account, not through scope.
  staff: ['units.read'],
  // The inspection committee reads everything in scope, the audit trail included, and changes nothing.
  inspector: [
    'units.read',
    'people.read',
    'people.readSensitive',
    'users.read',
    'audit.read',
    'evaluations.read',
    'votes.read',
    'reports.read',
  ],
};

/** Roles an organisation officer may hand out; administrators may grant any role. */
export const OFFICER_GRANTABLE_ROLES: readonly Role[] = ['officer', 'head', 'manager', 'staff', 'inspector'];

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
