import { annualRuleSetFor, STATE_TRACK_CATEGORIES } from '@canbo/domain';
import type { TrackRuleSets } from './enrolment';

/**
 * The rule sets of a period, chosen by the domain from the period's end (docs/ANNUAL.md, "Tracks"):
 * on the state track per staff category (civil servants move to Decree 335 from 2026, cadres and
 * public employees stay under Decree 90), on the party track one for everybody.
 */
export function trackRuleSets(periodEnd: string): TrackRuleSets {
  const state: Record<string, string> = {};
  for (const category of STATE_TRACK_CATEGORIES) {
    state[category] = annualRuleSetFor('state', periodEnd, category).id;
  }
  return { state, party: annualRuleSetFor('party', periodEnd).id };
}

/** The period's headline rule sets: the civil servants' on the state track, and the party track's. */
export function periodRuleSets(periodEnd: string): { state: string; party: string } {
  return {
    state: annualRuleSetFor('state', periodEnd, 'civil_servant').id,
    party: annualRuleSetFor('party', periodEnd).id,
  };
}
