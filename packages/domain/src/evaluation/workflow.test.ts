import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVALUATION_ACTIONS, EVALUATION_STATES, type EvaluationAction, type WorkflowPosition } from './types';
import { ACTION_LABELS, allowedActions, IllegalTransition, nextPosition, STATE_LABELS } from './workflow';

function run(start: WorkflowPosition, actions: EvaluationAction[]): WorkflowPosition[] {
  const trail: WorkflowPosition[] = [];
  let pos = start;
  for (const action of actions) {
    pos = nextPosition(pos, action);
    trail.push(pos);
  }
  return trail;
}

const draft = (reviewLevels: number): WorkflowPosition => ({ state: 'draft', reviewLevel: 0, reviewLevels });

describe('the evaluation workflow: self-assessment, reviews level by level, decision, publication', () => {
  it('walks two review levels, then decision, publication and finalisation', () => {
    const trail = run(draft(2), ['submitSelf', 'review', 'review', 'decide', 'publish', 'finalise']);
    expect(trail.map((pos) => [pos.state, pos.reviewLevel])).toEqual([
      ['selfAssessed', 0],
      ['inReview', 1],
      ['reviewed', 2],
      ['decided', 2],
      ['published', 2],
      ['final', 2],
    ]);
  });

  it('goes straight to reviewed with a single review level', () => {
    expect(run(draft(1), ['submitSelf', 'review']).at(-1)).toEqual({
      state: 'reviewed',
      reviewLevel: 1,
      reviewLevels: 1,
    });
  });

  it('passes through every level when there are three', () => {
    const trail = run(draft(3), ['submitSelf', 'review', 'review', 'review']);
    expect(trail.map((pos) => pos.state)).toEqual(['selfAssessed', 'inReview', 'inReview', 'reviewed']);
  });

  it.each(['selfAssessed', 'inReview', 'reviewed', 'decided'] as const)(
    'returns an evaluation that is %s to the person, who submits again from level 0',
    (state) => {
      const returned = nextPosition({ state, reviewLevel: 1, reviewLevels: 2 }, 'return');
      expect(returned).toEqual({ state: 'returned', reviewLevel: 0, reviewLevels: 2 });
      expect(nextPosition(returned, 'submitSelf').state).toBe('selfAssessed');
    },
  );

  it('lets a person complain after publication, and the head decides again', () => {
    const trail = run({ state: 'published', reviewLevel: 1, reviewLevels: 1 }, [
      'complain',
      'decide',
      'publish',
    ]);
    expect(trail.map((pos) => pos.state)).toEqual(['complained', 'decided', 'published']);
  });

  it('reopens a final result to reviewed, ready for a new decision', () => {
    expect(nextPosition({ state: 'final', reviewLevel: 2, reviewLevels: 2 }, 'reopen')).toEqual({
      state: 'reviewed',
      reviewLevel: 2,
      reviewLevels: 2,
    });
  });

  it.each(['draft', 'returned', 'selfAssessed', 'inReview', 'reviewed'] as const)(
    'lapses an undecided evaluation (%s) to not evaluated when the cycle closes',
    (state) => {
      expect(nextPosition({ state, reviewLevel: 0, reviewLevels: 1 }, 'lapse').state).toBe('notEvaluated');
    },
  );
});

describe('illegal steps', () => {
  it.each([
    ['draft', 'publish'],
    ['draft', 'review'],
    ['reviewed', 'review'],
    ['published', 'submitSelf'],
    ['decided', 'lapse'],
    ['final', 'complain'],
    ['notEvaluated', 'submitSelf'],
    ['complained', 'finalise'],
  ] as const)('refuses %s → %s with a bilingual message', (state, action) => {
    const pos = { state, reviewLevel: 0, reviewLevels: 1 };
    expect(() => nextPosition(pos, action)).toThrow(IllegalTransition);
    try {
      nextPosition(pos, action);
    } catch (error) {
      const illegal = error as IllegalTransition;
      expect(illegal.from).toBe(state);
      expect(illegal.action).toBe(action);
      expect(illegal.text.vi).toContain(STATE_LABELS[state].vi);
      expect(illegal.text.en).toContain(ACTION_LABELS[action].en);
      expect(illegal.message).toBe(illegal.text.en);
    }
  });

  it('refuses a unit configured with no review level', () => {
    expect(() => nextPosition(draft(0), 'submitSelf')).toThrow(RangeError);
  });

  it('allows only submission or lapse from a draft, and nothing from not evaluated', () => {
    expect(allowedActions(draft(1))).toEqual(['submitSelf', 'lapse']);
    expect(allowedActions({ state: 'published', reviewLevel: 1, reviewLevels: 1 })).toEqual([
      'complain',
      'finalise',
    ]);
    expect(allowedActions({ state: 'notEvaluated', reviewLevel: 0, reviewLevels: 1 })).toEqual([]);
  });

  it('agrees with nextPosition for every state, action and level', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EVALUATION_STATES),
        fc.constantFrom(...EVALUATION_ACTIONS),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        (state, action, reviewLevels, reviewLevel) => {
          const pos = { state, reviewLevel, reviewLevels };
          const allowed = allowedActions(pos).includes(action);
          if (allowed) {
            const next = nextPosition(pos, action);
            expect(next.reviewLevel).toBeLessThanOrEqual(Math.max(reviewLevels, reviewLevel));
            expect(next.reviewLevels).toBe(reviewLevels);
          } else {
            expect(() => nextPosition(pos, action)).toThrow(IllegalTransition);
          }
        },
      ),
    );
  });
});
