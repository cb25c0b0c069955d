import type { Actor } from '../../access/actor';
import { PREPARE_HINT } from '../../db/prepared';
import { todayInVietnam } from '../units/units.dates';
import {
  type EvaluationAccess,
  type OwnRecordColumns,
  ownRecordColumns,
  visibleEvaluations,
} from './evaluations.access';
import {
  type AnswerListColumns,
  answerListColumns,
  answerListsFrom,
  type Db,
  type EvaluationRow,
  evaluationRows,
} from './evaluations.repository';
import { type FactColumns, factColumns } from './scoring';
import { type WaitingColumns, waitingColumns, waitingFactsOf } from './waiting';

/**
 * The evaluation as a step reads it, in one statement: the row (locked when inside a transaction)
 * with the facts the rules need, who it may wait on next, and its steps and tasks for the answer.
 * Seen through `access` (out of scope reads as missing), or for `actor` with their own record, from
 * which the caller derives the access (one statement fewer per request).
 */
export async function readForTransition(
  db: Db,
  id: string,
  today: string,
  who: { access: EvaluationAccess } | { actor: Actor },
) {
  const actor = 'access' in who ? who.access.actor : who.actor;
  let q = evaluationRows(db, actor.tenantId)
    .select(factColumns(todayInVietnam()))
    .select(waitingColumns(today))
    .select(answerListColumns(db))
    .where('e.id', '=', id);
  q = 'access' in who ? q.where(visibleEvaluations(who.access)) : q.select(ownRecordColumns(actor, today));
  if (db.isTransaction) q = q.forUpdate('e');
  // A lookup by key whatever the caller's scope: named and prepared (db/prepared.ts).
  const compiled = q.compile();
  const { rows } = await db.executeQuery<
    EvaluationRow & FactColumns & WaitingColumns & AnswerListColumns & Partial<OwnRecordColumns>
  >({ ...compiled, sql: `${PREPARE_HINT} ${compiled.sql}` });
  const found = rows[0];
  if (!found) return undefined;
  const {
    fact_disciplines,
    fact_findings,
    fact_tasks,
    w_accounts,
    w_holders,
    w_earlier,
    w_deputies,
    r_steps,
    r_tasks,
    me_person_id,
    me_delegations,
    ...row
  } = found;
  return {
    row: row as EvaluationRow,
    facts: { fact_disciplines, fact_findings, fact_tasks },
    waiting: waitingFactsOf(row, { w_accounts, w_holders, w_earlier, w_deputies }),
    lists: answerListsFrom({ r_steps, r_tasks }),
    own: { me_person_id: me_person_id ?? null, me_delegations: me_delegations ?? null },
  };
}
export type ReadForTransition = NonNullable<Awaited<ReturnType<typeof readForTransition>>>;
