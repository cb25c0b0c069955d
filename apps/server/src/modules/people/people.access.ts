import { maskCccd } from '@canbo/domain';
import type { Transaction } from 'kysely';
import { type Actor, covers, type Scope, scopeOf } from '../../access/actor';
import { recordAudit } from '../../audit/audit';
import type { DB } from '../../db/schema';
import { revealedFields } from './people.presenter';
import { type Db, linkedPersonId, type PersonRow } from './people.repository';

/**
 * What an actor may do with people, resolved once per request: the subtrees of each permission and
 * the person linked to their account (app_user.person_id), who is always readable, unmasked, by them.
 */
export interface PeopleAccess {
  actor: Actor;
  read: Scope;
  manage: Scope;
  sensitive: Scope;
  units: Scope;
  selfId: string | null;
}

export async function accessOf(db: Db, actor: Actor): Promise<PeopleAccess> {
  return {
    actor,
    read: scopeOf(actor, 'people.read'),
    manage: scopeOf(actor, 'people.manage'),
    sensitive: scopeOf(actor, 'people.readSensitive'),
    units: scopeOf(actor, 'units.read'),
    selfId: await linkedPersonId(db, actor.tenantId, actor.userId),
  };
}

export function isSelf(access: PeopleAccess, row: Pick<PersonRow, 'id'>): boolean {
  return access.selfId !== null && access.selfId === row.id;
}

/** CCCD and party data in clear: people.readSensitive over the record's unit, or one's own record. */
export function seesSensitive(access: PeopleAccess, row: Pick<PersonRow, 'id' | 'unit_path'>): boolean {
  return isSelf(access, row) || covers(access.sensitive, row.unit_path);
}

/** The longest unit path shared by all the records (ends with '/'), for scoping a list's audit entry. */
function commonPath(paths: string[]): string | null {
  if (paths.length === 0) return null;
  let prefix = paths[0]!;
  for (const p of paths)
    while (!p.startsWith(prefix)) prefix = prefix.slice(0, prefix.lastIndexOf('/', prefix.length - 2) + 1);
  return prefix.length <= 1 ? null : prefix;
}

/**
 * The audit entry of a read that showed CCCD or party data in clear: one per request, naming the
 * people (and, for a single record, the fields) shown. Nothing is written when nothing was shown.
 */
export async function auditSensitiveRead(
  db: Db,
  access: PeopleAccess,
  view: 'profile' | 'history' | 'list' | 'write',
  rows: PersonRow[],
): Promise<void> {
  const shown = rows.filter((r) => seesSensitive(access, r));
  if (shown.length === 0) return;
  const single = view !== 'list';
  const after = single
    ? { view, fields: revealedFields(shown[0]!), ...(isSelf(access, shown[0]!) ? { self: true } : {}) }
    : { view, personIds: shown.map((r) => r.id), fields: ['cccd', 'party'] };
  const write = (tx: Transaction<DB>) =>
    recordAudit(tx, access.actor, {
      action: 'person.sensitiveRead',
      entityType: 'person',
      entityId: single ? shown[0]!.id : null,
      unitPath: commonPath(shown.map((r) => r.unit_path)),
      after,
    });
  if (db.isTransaction) await write(db as Transaction<DB>);
  else await db.transaction().execute(write);
}

/** The audit trail never holds a CCCD or a party card number in clear. */
export function maskForAudit(values: Record<string, unknown> | null): Record<string, unknown> | null {
  if (values === null) return null;
  const out: Record<string, unknown> = { ...values };
  for (const key of ['cccd', 'cardNumber']) {
    if (typeof out[key] === 'string') out[key] = maskCccd(out[key] as string);
  }
  return out;
}
