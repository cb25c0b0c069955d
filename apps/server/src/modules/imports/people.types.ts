/** What a people import plans to write (people.plan.ts) and writes (people.write.ts). */
import type { ParsedRow } from './rows';

export interface HistoryRow {
  id: string;
  personId: string;
  section: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface PersonWrite {
  id: string;
  /** The version read (updates only): the write fails if someone changed the record since. */
  version: number;
  columns: Record<string, unknown>;
}

export interface PositionInsert {
  id: string;
  personId: string;
  unitId: string;
  title: string;
  isLeader: boolean;
  isConcurrent: boolean;
  startDate: string;
  decisionNumber: string | null;
}

export interface PositionChange {
  id: string;
  version: number;
  startDate: string;
  endDate: string | null;
  isLeader: boolean;
  decisionNumber: string | null;
  endReason: string | null;
}

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

/** What to write for a slice of the file's rows. */
export interface PeopleWrites {
  inserts: PersonWrite[];
  updates: PersonWrite[];
  positionInserts: PositionInsert[];
  positionChanges: PositionChange[];
  /** One row per record written (several sections of it bundled: see people/person.history.ts). */
  history: HistoryRow[];
}

/** Plans the file's rows slice by slice, in file order; the checks that span rows see all slices so far. */
export interface PeoplePlanner {
  plan(rows: readonly ParsedRow[]): PeopleWrites;
  counts: Counts;
  /** Paths of the units the import touched (for the audit entry's scope). */
  unitPaths: Set<string>;
}
