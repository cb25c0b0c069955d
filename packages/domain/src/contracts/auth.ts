import { z } from 'zod';
import { ROLES } from '../access/roles';
import { Id } from './common';

export const RoleSchema = z.enum(ROLES);

export const Username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/i, 'letters, digits, dot, dash, underscore');

export const SignInInput = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  totpCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/)
    .optional(),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const GrantView = z.object({
  id: Id,
  userId: Id,
  role: RoleSchema,
  unitId: Id,
  unitName: z.string(),
  createdAt: z.string(),
});
export type GrantView = z.infer<typeof GrantView>;

/** What the signed-in user may do next before using the app. */
export const PendingStep = z.enum(['password_change', 'totp_enrollment']).nullable();

export const Me = z.object({
  user: z.object({
    id: Id,
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    mustChangePassword: z.boolean(),
    totpEnabled: z.boolean(),
  }),
  grants: z.array(GrantView),
  permissions: z.array(z.string()),
  pending: PendingStep,
  csrfToken: z.string(),
});
export type Me = z.infer<typeof Me>;

export const CsrfView = z.object({ csrfToken: z.string() });

export const ChangePasswordInput = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const TotpSetupView = z.object({ secret: z.string(), otpauthUri: z.string() });
export const TotpCodeInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});
export const PasswordConfirmInput = z.strictObject({ password: z.string().min(1).max(256) });
