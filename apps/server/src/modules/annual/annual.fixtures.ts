import { personSortKey, searchKey } from '@canbo/domain';
import type { Kysely } from 'kysely';
import pino from 'pino';
import type { TestContext, TestUnit } from '../../../test/context';
import type { DB } from '../../db/schema';
import { newId } from '../../ids';
import { createWorker } from '../../jobs/worker';

/**
 * Test builders for the annual review: people with a main post (and party membership), units typed
 * as party organisations, and running the preparation job the way the worker does.
 */
let counter = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

export interface FxPersonOptions {
  unit: { id: string };
  fullName?: string;
  staffCategory?: string;
  partyStatus?: 'none' | 'probationary' | 'full' | 'suspended';
  partyAdmitted?: string | null;
  start?: string;
  end?: string | null;
  isLeader?: boolean;
  titleGroup?: string | null;
  title?: string;
}

export function annualBuilders(db: Kysely<DB>, tenantId: string) {
  async function person(o: FxPersonOptions): Promise<string> {
    const id = newId();
    const now = new Date();
    const fullName = o.fullName ?? `Trần Thị ${unique('Ng')}`;
    const party = o.partyStatus ?? 'none';
    await db
      .insertInto('person')
      .values({
        tenant_id: tenantId,
        id,
        code: unique('CB').slice(0, 20),
        unit_id: o.unit.id,
        full_name: fullName,
        sex: 'female',
        birth_date: '1985-06-15',
        staff_category: o.staffCategory ?? 'civil_servant',
        party_status: party,
        party_admitted_date: party === 'none' ? null : (o.partyAdmitted ?? '2010-05-19'),
        search_key: searchKey(fullName),
        sort_key: personSortKey(fullName),
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto('position')
      .values({
        tenant_id: tenantId,
        id: newId(),
        person_id: id,
        unit_id: o.unit.id,
        title: o.title ?? (o.isLeader ? 'Bí thư' : 'Chuyên viên'),
        title_group: o.titleGroup ?? null,
        is_leader: o.isLeader ?? false,
        start_date: o.start ?? '2020-01-01',
        end_date: o.end ?? null,
        created_at: now,
      })
      .execute();
    return id;
  }

  async function absence(personId: string, kind: string, start: string, end: string): Promise<void> {
    await db
      .insertInto('person_absence')
      .values({
        tenant_id: tenantId,
        id: newId(),
        person_id: personId,
        kind,
        start_date: start,
        end_date: end,
        created_at: new Date(),
      })
      .execute();
  }

  async function discipline(personId: string, form: string, date: string): Promise<void> {
    await db
      .insertInto('discipline')
      .values({
        tenant_id: tenantId,
        id: newId(),
        person_id: personId,
        form,
        decision_date: date,
        decision_number: null,
        issuer: null,
        reason: null,
        expiry_date: null,
        created_at: new Date(),
      })
      .execute();
  }

  async function typeUnit(unit: { id: string }, type: string, isPartyOrg = true): Promise<void> {
    await db
      .updateTable('org_unit')
      .set({ type, is_party_org: isPartyOrg })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', unit.id)
      .execute();
  }

  return { person, absence, discipline, typeUnit };
}

/** Runs the queued preparation jobs as the worker would. */
export async function runPrepareJobs(t: TestContext): Promise<number> {
  const worker = createWorker(
    t.ctx.db,
    { 'annual.prepare': (job) => t.services.reviewPeriods.runPrepare(job) },
    pino({ level: 'silent' }),
  );
  return worker.drain();
}

export const YEAR_2025 = { selfDue: '2025-12-10', meetingDue: '2025-12-20', decisionDue: '2025-12-31' };

export function annualPeriod(unit: TestUnit, year = 2025) {
  return {
    kind: 'annual' as const,
    unitId: unit.id,
    year,
    selfDue: `${year}-12-10`,
    meetingDue: `${year}-12-20`,
    decisionDue: `${year}-12-31`,
  };
}
