import {
  type CreateUserInput,
  checkPasswordPolicy,
  type GrantInput,
  type GrantView,
  type Me,
  OFFICER_GRANTABLE_ROLES,
  type PageQuery,
  ROLE_PERMISSIONS,
  type UpdateUserInput,
} from '@canbo/domain';
import type { Transaction } from 'kysely';
import { type Actor, assertCan, covers, isAdmin, scopeOf } from '../../access/actor';
import { recordAudit } from '../../audit/audit';
import type { AppContext } from '../../context';
import type { DB } from '../../db/schema';
import { AppError, Conflict, Forbidden, NotFound, RuleViolation, Unauthenticated } from '../../errors';
import { newId } from '../../ids';
import { deleteUserSessions, findSession } from '../auth/auth.repository';
import { pendingStep, usernameKey } from '../auth/auth.service';
import { hashPassword, temporaryPassword } from '../auth/passwords';
import { findPerson } from '../people/people.repository';
import type { UnitsService } from '../units/units.service';
import { grantsOfUser } from './grants.repository';
import { auditableUser, presentGrant, presentUser } from './users.presenter';
import * as repo from './users.repository';

const PERSON_NOT_FOUND = {
  vi: 'Không tìm thấy hồ sơ cán bộ trong phạm vi bạn quản lý tài khoản.',
  en: 'No such personnel record among the units where you manage accounts.',
};
const PERSON_LINKED = {
  vi: 'Hồ sơ cán bộ này đã gắn với một tài khoản khác.',
  en: 'This personnel record is already linked to another account.',
};

/** Out of scope reads as not found, as everywhere; the detail names the field for the form. */
function personNotFound() {
  return new AppError(404, 'NOT_FOUND', PERSON_NOT_FOUND.vi, PERSON_NOT_FOUND.en, [
    { path: 'personId', message: PERSON_NOT_FOUND.vi, messageEn: PERSON_NOT_FOUND.en },
  ]);
}

/** One person, one account (unique index app_user_person_idx). */
function personLinked() {
  return new AppError(409, 'PERSON_LINKED', PERSON_LINKED.vi, PERSON_LINKED.en, [
    { path: 'personId', message: PERSON_LINKED.vi, messageEn: PERSON_LINKED.en },
  ]);
}

/** A link lost to a concurrent one still answers 409 naming the field, not a bare duplicate. */
function linkRace(error: unknown): unknown {
  const e = error as { code?: string; constraint?: string; detail?: string; message?: string };
  const text = `${e?.constraint ?? ''} ${e?.detail ?? ''} ${e?.message ?? ''}`;
  return e?.code === '23505' && text.includes('person') ? personLinked() : error;
}

export function createUsersService(ctx: AppContext, units: UnitsService) {
  const { db, tenantId } = ctx;

  function me(
    actor: Actor,
    session: {
      csrfToken: string;
      username: string;
      email: string | null;
      mustChangePassword: boolean;
      totpEnabled: boolean;
      pending: Me['pending'];
    },
  ): Me {
    const permissions = new Set<string>();
    for (const g of actor.grants) for (const p of ROLE_PERMISSIONS[g.role]) permissions.add(p);
    return {
      user: {
        id: actor.userId!,
        username: session.username,
        displayName: actor.displayName,
        email: session.email,
        mustChangePassword: session.mustChangePassword,
        totpEnabled: session.totpEnabled,
      },
      grants: actor.grants.map((g) => presentGrant(actor.userId!, g)),
      permissions: [...permissions].sort(),
      pending: session.pending,
      csrfToken: session.csrfToken,
    };
  }

  async function meForSession(sessionId: string, requestId: string, ip: string | null): Promise<Me> {
    const session = await findSession(db, tenantId, sessionId);
    if (!session) throw new Unauthenticated();
    const actor: Actor = {
      kind: 'user',
      tenantId,
      userId: session.userId,
      displayName: session.displayName,
      grants: session.grants,
      requestId,
      ip,
    };
    return me(actor, { ...session, pending: pendingStep(session) });
  }

  async function findInScope(
    actor: Actor,
    id: string,
    permission: 'users.read' | 'users.manage',
    tx: Transaction<DB> | typeof db = db,
    lock = false,
  ) {
    const row = await repo.findUser(tx, scopeOf(actor, permission), id, lock);
    if (!row) throw new NotFound('user');
    return row;
  }

  /**
   * The person an account may be linked to: a record the actor reads (people.read) kept in a unit
   * where they manage users; anything else is not found, naming `personId`.
   */
  async function linkablePerson(actor: Actor, personId: string) {
    const person = await findPerson(db, scopeOf(actor, 'people.read'), personId);
    if (!person || !covers(scopeOf(actor, 'users.manage'), person.unit_path)) throw personNotFound();
    return person;
  }

  async function assertNotLinkedElsewhere(tx: Transaction<DB>, personId: string, userId: string) {
    const holder = await repo.accountOfPerson(tx, tenantId, personId);
    if (holder && holder.id !== userId) throw personLinked();
  }

  /** Administrators' accounts are managed by administrators only. */
  async function assertMayManage(actor: Actor, tx: Transaction<DB>, userId: string) {
    if (isAdmin(actor)) return;
    const grants = await grantsOfUser(tx, tenantId, userId);
    if (grants.some((g) => g.role === 'admin')) {
      throw new Forbidden(
        'Chỉ quản trị hệ thống được thay đổi tài khoản quản trị.',
        'Only administrators manage administrator accounts.',
      );
    }
  }

  async function list(actor: Actor, query: PageQuery & { unitId?: string; personId?: string }) {
    assertCan(actor, 'users.read');
    const unitPath = query.unitId ? (await units.get(actor, query.unitId)).path : undefined;
    const { items, total } = await repo.listUsers(db, scopeOf(actor, 'users.read'), { ...query, unitPath });
    return { items: items.map(presentUser), total, page: query.page, pageSize: query.pageSize };
  }

  async function get(actor: Actor, id: string) {
    const row = await findInScope(actor, id, 'users.read');
    const grants = await grantsOfUser(db, tenantId, id);
    return { ...presentUser(row), grants: grants.map((g) => presentGrant(id, g)) };
  }

  /** Checks that the actor may hand out `grant` and returns the unit's path. */
  async function checkGrant(actor: Actor, grant: GrantInput): Promise<string> {
    const unit = await units.get(actor, grant.unitId);
    assertCan(actor, 'grants.manage', unit.path);
    if (!isAdmin(actor) && !OFFICER_GRANTABLE_ROLES.includes(grant.role)) {
      throw new Forbidden('Bạn không được cấp vai trò này.', 'You may not grant this role.');
    }
    if (grant.role === 'admin' && !covers(scopeOf(actor, 'settings.manage'), unit.path)) {
      throw new Forbidden('Bạn không được cấp vai trò này.', 'You may not grant this role.');
    }
    return unit.path;
  }

  async function create(actor: Actor, input: CreateUserInput) {
    const unit = await units.get(actor, input.unitId);
    assertCan(actor, 'users.manage', unit.path);
    for (const g of input.grants) await checkGrant(actor, g);
    const person = input.personId ? await linkablePerson(actor, input.personId) : null;
    const generated = input.password ? null : temporaryPassword();
    const password = input.password ?? generated!;
    if (input.password) {
      const failures = checkPasswordPolicy(input.password, input.username);
      if (failures.length) {
        throw new RuleViolation(
          'WEAK_PASSWORD',
          'Mật khẩu chưa đạt yêu cầu.',
          'The password does not meet the policy.',
          failures.map((f) => ({ path: 'password', message: f.vi, messageEn: f.en })),
        );
      }
    }
    const passwordHash = await hashPassword(password);
    const id = newId();
    await db
      .transaction()
      .execute(async (tx) => {
        const key = usernameKey(input.username);
        const taken = await tx
          .selectFrom('app_user')
          .select('id')
          .where('tenant_id', '=', tenantId)
          .where('username_key', '=', key)
          .executeTakeFirst();
        if (taken) {
          throw new RuleViolation(
            'USERNAME_TAKEN',
            'Tên đăng nhập đã có người dùng.',
            'The username is already taken.',
            [
              {
                path: 'username',
                message: 'Tên đăng nhập đã có người dùng.',
                messageEn: 'The username is already taken.',
              },
            ],
          );
        }
        if (person) await assertNotLinkedElsewhere(tx, person.id, id);
        const now = new Date();
        await repo.insertUser(tx, {
          tenantId,
          id,
          username: input.username,
          usernameKey: key,
          displayName: input.displayName,
          email: input.email ?? null,
          unitId: unit.id,
          personId: person?.id ?? null,
          passwordHash,
          mustChangePassword: true,
          now,
        });
        for (const g of input.grants) {
          await repo.insertGrant(tx, {
            tenantId,
            id: newId(),
            userId: id,
            role: g.role,
            unitId: g.unitId,
            createdBy: actor.userId,
            now,
          });
        }
        await recordAudit(tx, actor, {
          action: 'user.created',
          entityType: 'user',
          entityId: id,
          unitPath: unit.path,
          after: {
            username: input.username,
            displayName: input.displayName,
            email: input.email ?? null,
            unitId: unit.id,
            personId: person?.id ?? null,
            grants: input.grants,
          },
        });
      })
      .catch((error: unknown) => {
        throw linkRace(error);
      });
    const row = await findInScope(actor, id, 'users.read');
    return { user: presentUser(row), temporaryPassword: generated };
  }

  async function update(actor: Actor, id: string, input: UpdateUserInput) {
    const newUnit = input.unitId ? await units.get(actor, input.unitId) : null;
    if (newUnit) assertCan(actor, 'users.manage', newUnit.path);
    const person = input.personId ? await linkablePerson(actor, input.personId) : null;
    await db
      .transaction()
      .execute(async (tx) => {
        const before = await findInScope(actor, id, 'users.manage', tx, true);
        await assertMayManage(actor, tx, id);
        if (input.disabled && id === actor.userId) {
          throw new RuleViolation(
            'CANNOT_DISABLE_SELF',
            'Bạn không thể tự khóa tài khoản của mình.',
            'You cannot disable your own account.',
          );
        }
        if (person) await assertNotLinkedElsewhere(tx, person.id, id);
        const changes = {
          ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
          ...(input.email !== undefined ? { email: input.email ?? null } : {}),
          ...(newUnit ? { unit_id: newUnit.id } : {}),
          ...(input.personId !== undefined ? { person_id: person?.id ?? null } : {}),
          ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
        };
        if (!(await repo.updateUser(tx, tenantId, id, input.version, changes))) throw new Conflict();
        if (input.disabled) await deleteUserSessions(tx, tenantId, id);
        const after = await findInScope(actor, id, 'users.read', tx);
        await recordAudit(tx, actor, {
          action: 'user.updated',
          entityType: 'user',
          entityId: id,
          unitPath: after.unit_path,
          before: auditableUser(before),
          after: auditableUser(after),
        });
      })
      .catch((error: unknown) => {
        throw linkRace(error);
      });
    return presentUser(await findInScope(actor, id, 'users.read'));
  }

  /** Admin-side credential actions share one shape: lock the row, check, change, audit. */
  async function credentialAction(
    actor: Actor,
    id: string,
    action: string,
    change: (tx: Transaction<DB>) => Promise<void>,
  ) {
    await db.transaction().execute(async (tx) => {
      const row = await findInScope(actor, id, 'users.manage', tx, true);
      await assertMayManage(actor, tx, id);
      await change(tx);
      await recordAudit(tx, actor, { action, entityType: 'user', entityId: id, unitPath: row.unit_path });
    });
  }

  async function resetPassword(actor: Actor, id: string) {
    const password = temporaryPassword();
    const hash = await hashPassword(password);
    await credentialAction(actor, id, 'user.passwordReset', async (tx) => {
      await repo.setCredentialState(tx, tenantId, id, {
        password_hash: hash,
        must_change_password: true,
        password_changed_at: new Date(),
        failed_attempts: 0,
        locked_until: null,
      });
      await deleteUserSessions(tx, tenantId, id);
    });
    return { temporaryPassword: password };
  }

  const unlock = (actor: Actor, id: string) =>
    credentialAction(actor, id, 'user.unlocked', (tx) =>
      repo.setCredentialState(tx, tenantId, id, { failed_attempts: 0, locked_until: null }).then(() => {}),
    );

  const resetTotp = (actor: Actor, id: string) =>
    credentialAction(actor, id, 'user.totpReset', async (tx) => {
      await repo.setCredentialState(tx, tenantId, id, {
        totp_enabled: false,
        totp_secret: null,
        totp_last_step: null,
      });
      await deleteUserSessions(tx, tenantId, id);
    });

  async function listGrants(actor: Actor, userId: string): Promise<GrantView[]> {
    await findInScope(actor, userId, 'users.read');
    return (await grantsOfUser(db, tenantId, userId)).map((g) => presentGrant(userId, g));
  }

  async function addGrant(actor: Actor, userId: string, input: GrantInput): Promise<GrantView> {
    const unitPath = await checkGrant(actor, input);
    const id = newId();
    const created = await db.transaction().execute(async (tx) => {
      await findInScope(actor, userId, 'users.manage', tx, true);
      const inserted = await repo.insertGrant(tx, {
        tenantId,
        id,
        userId,
        role: input.role,
        unitId: input.unitId,
        createdBy: actor.userId,
        now: new Date(),
      });
      if (!inserted) {
        throw new RuleViolation(
          'GRANT_EXISTS',
          'Người dùng đã có vai trò này tại đơn vị này.',
          'The user already has this role on this unit.',
        );
      }
      await recordAudit(tx, actor, {
        action: 'grant.created',
        entityType: 'grant',
        entityId: id,
        unitPath,
        after: { userId, ...input },
      });
      return inserted.id;
    });
    const grant = (await grantsOfUser(db, tenantId, userId)).find((g) => g.id === created)!;
    return presentGrant(userId, grant);
  }

  async function removeGrant(actor: Actor, grantId: string) {
    await db.transaction().execute(async (tx) => {
      const grant = await repo.findGrant(tx, scopeOf(actor, 'grants.manage'), grantId);
      if (!grant) throw new NotFound('grant');
      if (grant.role === 'admin') {
        if (!isAdmin(actor))
          throw new Forbidden('Bạn không được thu hồi vai trò này.', 'You may not revoke this role.');
        const admins = await tx
          .selectFrom('role_grant')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('tenant_id', '=', tenantId)
          .where('role', '=', 'admin')
          .executeTakeFirstOrThrow();
        if (Number(admins.n) <= 1) {
          throw new RuleViolation(
            'LAST_ADMIN',
            'Không thể thu hồi quyền quản trị cuối cùng.',
            'The last administrator grant cannot be revoked.',
          );
        }
      }
      await repo.deleteGrant(tx, tenantId, grantId);
      await recordAudit(tx, actor, {
        action: 'grant.revoked',
        entityType: 'grant',
        entityId: grantId,
        unitPath: grant.unit_path,
        before: { userId: grant.user_id, role: grant.role, unitId: grant.unit_id },
      });
    });
  }

  return {
    me,
    meForSession,
    list,
    get,
    create,
    update,
    resetPassword,
    unlock,
    resetTotp,
    listGrants,
    addGrant,
    removeGrant,
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
