import { checkPasswordPolicy, type Me, type Role, type SignInInput } from '@canbo/domain';
import type { Actor } from '../../access/actor';
import { recordAudit } from '../../audit/audit';
import type { AppContext } from '../../context';
import { AppError, RuleViolation, Unauthenticated } from '../../errors';
import { randomToken } from '../../ids';
import * as repo from './auth.repository';
import { dummyHash, hashPassword, verifyPassword } from './passwords';
import { newSessionToken, sessionExpiry, sessionIdOf } from './sessions';
import { matchTotp, newTotpSecret, otpauthUri } from './totp';

export interface RequestMeta {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

export interface SignedIn {
  token: string;
  sessionId: string;
  expiresAt: Date;
}

export type Pending = Me['pending'];

export function pendingStep(
  session: Pick<repo.SessionRow, 'mustChangePassword' | 'totpEnabled' | 'grants' | 'totpRequiredRoles'>,
): Pending {
  if (session.mustChangePassword) return 'password_change';
  const required = session.grants.some((g) => session.totpRequiredRoles.includes(g.role));
  return required && !session.totpEnabled ? 'totp_enrollment' : null;
}

export function usernameKey(username: string): string {
  return username.normalize('NFC').trim().toLowerCase();
}

const locked = (until: Date) =>
  new AppError(
    423,
    'ACCOUNT_LOCKED',
    'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Hãy thử lại sau.',
    'The account is locked after repeated failed sign-ins. Try again later.',
    [{ path: 'lockedUntil', message: until.toISOString() }],
  );
const invalid = () =>
  new Unauthenticated(
    'INVALID_CREDENTIALS',
    'Tên đăng nhập hoặc mật khẩu không đúng.',
    'Wrong username or password.',
  );

export function createAuthService(ctx: AppContext) {
  const { db, tenantId, config } = ctx;
  const policy = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };

  /**
   * Checks the credentials and opens a session. Failures are counted and audited in a transaction
   * that commits before the error is raised, so a lockout survives the refusal.
   */
  async function signIn(input: SignInInput, meta: RequestMeta): Promise<SignedIn> {
    const outcome = await db.transaction().execute(async (tx): Promise<SignedIn | AppError> => {
      const now = new Date();
      const user = await repo.findCredentials(tx, tenantId, usernameKey(input.username));
      const source = (userId: string | null, name: string | null) => ({
        tenantId,
        userId,
        displayName: name ?? input.username.slice(0, 64),
        requestId: meta.requestId,
        ip: meta.ip,
      });
      const fail = async (reason: string, error: AppError) => {
        await recordAudit(tx, source(user?.id ?? null, user?.display_name ?? null), {
          action: 'auth.signInFailed',
          entityType: 'user',
          entityId: user?.id ?? null,
          unitPath: user?.unit_path ?? null,
          after: { username: input.username.slice(0, 64), reason },
        });
        return error;
      };
      if (!user) {
        await verifyPassword(await dummyHash(), input.password);
        return fail('unknown_user', invalid());
      }
      if (user.locked_until && user.locked_until > now) return fail('locked', locked(user.locked_until));
      const passwordOk = await verifyPassword(user.password_hash, input.password);
      if (passwordOk && user.disabled) return fail('disabled', invalid());
      if (passwordOk && user.totp_enabled && !input.totpCode) {
        return new Unauthenticated(
          'TOTP_REQUIRED',
          'Nhập mã xác thực 6 chữ số.',
          'Enter the 6-digit authentication code.',
        );
      }
      const step =
        passwordOk && user.totp_enabled && user.totp_secret
          ? matchTotp(user.totp_secret, input.totpCode!)
          : null;
      const totpOk = !user.totp_enabled || (step !== null && step > Number(user.totp_last_step ?? 0));
      if (!passwordOk || !totpOk) {
        const attempts = user.failed_attempts + 1;
        const lockNow = attempts >= config.lockoutThreshold;
        const lockedUntil = new Date(now.getTime() + config.lockoutMinutes * 60_000);
        await repo.updateCredentials(tx, tenantId, user.id, {
          failed_attempts: lockNow ? 0 : attempts,
          locked_until: lockNow ? lockedUntil : null,
        });
        if (lockNow) return fail('locked_now', locked(lockedUntil));
        return passwordOk
          ? fail(
              'wrong_totp',
              new Unauthenticated('TOTP_INVALID', 'Mã xác thực không đúng.', 'Wrong authentication code.'),
            )
          : fail('wrong_password', invalid());
      }
      const token = newSessionToken();
      const sessionId = sessionIdOf(token);
      const expiresAt = sessionExpiry(policy, now);
      await repo.updateCredentials(tx, tenantId, user.id, {
        failed_attempts: 0,
        locked_until: null,
        last_sign_in_at: now,
        ...(step !== null ? { totp_last_step: step } : {}),
      });
      await repo.insertSession(tx, {
        tenantId,
        id: sessionId,
        userId: user.id,
        csrfToken: randomToken(24),
        now,
        expiresAt,
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
      await recordAudit(tx, source(user.id, user.display_name), {
        action: 'auth.signedIn',
        entityType: 'user',
        entityId: user.id,
        unitPath: user.unit_path,
        after: { userAgent: meta.userAgent?.slice(0, 200) ?? null, totp: step !== null },
      });
      return { token, sessionId, expiresAt };
    });
    if (outcome instanceof AppError) throw outcome;
    return outcome;
  }

  async function signOut(actor: Actor, sessionId: string): Promise<void> {
    await db.transaction().execute(async (tx) => {
      await repo.deleteSession(tx, tenantId, sessionId);
      await recordAudit(tx, actor, {
        action: 'auth.signedOut',
        entityType: 'user',
        entityId: actor.userId,
        unitPath: null,
      });
    });
  }

  async function changePassword(
    actor: Actor,
    sessionId: string,
    currentPassword: string,
    newPassword: string,
  ) {
    const user = await db
      .transaction()
      .execute(async (tx) => repo.credentialsById(tx, tenantId, actor.userId!));
    if (!(await verifyPassword(user.password_hash, currentPassword))) {
      throw new RuleViolation(
        'WRONG_PASSWORD',
        'Mật khẩu hiện tại không đúng.',
        'The current password is wrong.',
        [
          {
            path: 'currentPassword',
            message: 'Mật khẩu hiện tại không đúng.',
            messageEn: 'The current password is wrong.',
          },
        ],
      );
    }
    const failures = checkPasswordPolicy(newPassword, user.username);
    if (await verifyPassword(user.password_hash, newPassword)) {
      failures.push({
        rule: 'common',
        vi: 'Mật khẩu mới phải khác mật khẩu cũ.',
        en: 'The new password must differ from the old one.',
      });
    }
    if (failures.length > 0) {
      throw new RuleViolation(
        'WEAK_PASSWORD',
        'Mật khẩu mới chưa đạt yêu cầu.',
        'The new password does not meet the policy.',
        failures.map((f) => ({ path: 'newPassword', message: f.vi, messageEn: f.en })),
      );
    }
    const hash = await hashPassword(newPassword);
    await db.transaction().execute(async (tx) => {
      await repo.credentialsById(tx, tenantId, actor.userId!); // lock the row for the change
      await repo.updateCredentials(tx, tenantId, actor.userId!, {
        password_hash: hash,
        must_change_password: false,
        password_changed_at: new Date(),
      });
      await repo.deleteUserSessions(tx, tenantId, actor.userId!, sessionId);
      await recordAudit(tx, actor, {
        action: 'auth.passwordChanged',
        entityType: 'user',
        entityId: actor.userId,
        unitPath: user.unit_path,
      });
    });
  }

  /** Starts enrolment: a new secret is stored but not enabled until a code proves the app has it. */
  async function setupTotp(actor: Actor) {
    return db.transaction().execute(async (tx) => {
      const user = await repo.credentialsById(tx, tenantId, actor.userId!);
      if (user.totp_enabled) {
        throw new RuleViolation(
          'TOTP_ALREADY_ENABLED',
          'Xác thực hai lớp đã được bật.',
          'Two-factor authentication is already on.',
        );
      }
      const secret = newTotpSecret();
      await repo.updateCredentials(tx, tenantId, user.id, { totp_secret: secret });
      await recordAudit(tx, actor, {
        action: 'auth.totpSetupStarted',
        entityType: 'user',
        entityId: user.id,
        unitPath: user.unit_path,
      });
      return { secret, otpauthUri: otpauthUri(secret, user.username) };
    });
  }

  async function enableTotp(actor: Actor, code: string) {
    await db.transaction().execute(async (tx) => {
      const user = await repo.credentialsById(tx, tenantId, actor.userId!);
      const step = user.totp_secret ? matchTotp(user.totp_secret, code) : null;
      if (!user.totp_secret || user.totp_enabled || step === null) {
        throw new RuleViolation('TOTP_INVALID', 'Mã xác thực không đúng.', 'Wrong authentication code.', [
          { path: 'code', message: 'Mã xác thực không đúng.', messageEn: 'Wrong authentication code.' },
        ]);
      }
      await repo.updateCredentials(tx, tenantId, user.id, { totp_enabled: true, totp_last_step: step });
      await recordAudit(tx, actor, {
        action: 'auth.totpEnabled',
        entityType: 'user',
        entityId: user.id,
        unitPath: user.unit_path,
      });
    });
  }

  async function disableTotp(actor: Actor, password: string, required: boolean) {
    if (required) {
      throw new RuleViolation(
        'TOTP_REQUIRED_BY_ROLE',
        'Vai trò của bạn bắt buộc xác thực hai lớp.',
        'Your role requires two-factor authentication.',
      );
    }
    await db.transaction().execute(async (tx) => {
      const user = await repo.credentialsById(tx, tenantId, actor.userId!);
      if (!(await verifyPassword(user.password_hash, password))) {
        throw new RuleViolation('WRONG_PASSWORD', 'Mật khẩu không đúng.', 'Wrong password.', [
          { path: 'password', message: 'Mật khẩu không đúng.', messageEn: 'Wrong password.' },
        ]);
      }
      await repo.updateCredentials(tx, tenantId, user.id, {
        totp_enabled: false,
        totp_secret: null,
        totp_last_step: null,
      });
      await recordAudit(tx, actor, {
        action: 'auth.totpDisabled',
        entityType: 'user',
        entityId: user.id,
        unitPath: user.unit_path,
      });
    });
  }

  /** Removes sessions past their absolute or idle expiry (a scheduled job). */
  function cleanupExpiredSessions(now = new Date()) {
    return repo.deleteExpiredSessions(db, tenantId, now, config.sessionIdleMinutes);
  }

  return {
    signIn,
    signOut,
    changePassword,
    setupTotp,
    enableTotp,
    disableTotp,
    cleanupExpiredSessions,
    policy,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
export type { Role };
