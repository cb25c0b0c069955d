import type { TestContext } from '../context';
import type { MatrixFixture } from '../permission-matrix';

/**
 * The shape of an entry of the body fuzz test (src/http/fuzz.int.test.ts), shared by the modules'
 * own tables of entries (test/fuzz/*.ts) so that the test file stays readable.
 */

/** Tables of the schema (all of them are watched); an audit entry is marked pending (linked later by the chainer). */
export type Table = string;
export const AUDIT: Table[] = ['audit_log', 'audit_pending', 'audit_head', 'audit_chain'];
export const ORG_CHANGE: Table[] = [
  'org_unit',
  'org_unit_version',
  'org_change',
  'org_change_unit',
  'unit_succession',
  ...AUDIT,
];
export const PERSON: Table[] = ['person', 'person_history', ...AUDIT];

export type Caller =
  /** An administrator granted on the root, signed in once. */
  | 'admin'
  /** A user of its own, acting on their own account; a new one after each success (sign-out ends the session). */
  | 'own'
  /**
   * A staff user in A's home unit whose account is linked to a person record of its own (the
   * evaluated person: drafts, submits, complains, keeps their tasks); a new one after each success.
   * The target is built for that person from `Self.personId`.
   */
  | 'evaluee'
  /** A visitor holding the pre-session CSRF token. */
  | 'anonymous';

/** Who the caller is, for targets that must belong to them (their notification, their evaluation). */
export interface Self {
  userId: string | null;
  /** The person linked to the account (the 'evaluee' caller only). */
  personId: string | null;
}

export interface FuzzRoute {
  caller: Caller;
  /** Tables a success may change. */
  writes: Table[];
  /** Tables a refusal may change: a failed sign-in is counted and audited, on purpose. */
  writesWhenRefused?: Table[];
  /** The concrete URL, with a fresh target for its `:id` (the caller's own where the route needs it). */
  url(fx: MatrixFixture, self: Self): Promise<string>;
  /** A body that would succeed; runs also send it with one field replaced by something odd. */
  valid?(fx: MatrixFixture): Promise<Record<string, unknown>>;
  /** Puts back what a success changed that would spoil the next runs. */
  afterSuccess?(t: TestContext): Promise<void>;
}

/** The person linked to an 'evaluee' caller. */
export function personOf(self: Self): string {
  if (!self.personId)
    throw new Error("this entry needs the 'evaluee' caller (an account linked to a person)");
  return self.personId;
}
