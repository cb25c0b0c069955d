import { z } from 'zod';
import { RoleSchema, Username } from './auth';
import { Id, PageQuery, pageOf, Version } from './common';

export const DisplayName = z.string().trim().min(1).max(200);
export const Email = z.email().max(254);

export const UserView = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  unitId: Id,
  unitName: z.string(),
  /** The personnel record the account belongs to (app_user.person_id): its owner self-assesses. */
  personId: Id.nullable(),
  personName: z.string().nullable(),
  personCode: z.string().nullable(),
  /** Distinct roles held, on any unit. */
  roles: z.array(RoleSchema),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type UserView = z.infer<typeof UserView>;
export const UserPage = pageOf(UserView);

export const UserListQuery = PageQuery.extend({
  unitId: Id.optional(),
  /** The account linked to this personnel record (at most one). */
  personId: Id.optional(),
});

export const GrantInput = z.strictObject({ role: RoleSchema, unitId: Id });
export type GrantInput = z.infer<typeof GrantInput>;

export const CreateUserInput = z.strictObject({
  username: Username,
  displayName: DisplayName,
  email: Email.nullish(),
  unitId: Id,
  /**
   * The personnel record to link (readable by the caller, in a unit where they manage users); a
   * record has at most one account.
   */
  personId: Id.nullish(),
  /** Omitted: a temporary password is generated and must be changed at first sign-in. */
  password: z.string().min(1).max(256).optional(),
  grants: z.array(GrantInput).max(20).default([]),
});
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const CreatedUserView = z.object({
  user: UserView,
  temporaryPassword: z.string().nullable(),
});

export const UpdateUserInput = z.strictObject({
  displayName: DisplayName.optional(),
  email: Email.nullish(),
  unitId: Id.optional(),
  /** Links the account to a personnel record; null unlinks it. */
  personId: Id.nullish(),
  disabled: z.boolean().optional(),
  version: Version,
});
export type UpdateUserInput = z.infer<typeof UpdateUserInput>;

export const TemporaryPasswordView = z.object({ temporaryPassword: z.string() });
