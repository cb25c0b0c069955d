import type { RouteExpectation } from '../permission-matrix';

/** Permission-matrix entries of the evaluation setup routes (docs/EVALUATIONS.md). */
export const evaluationSetupExpectations: Record<string, RouteExpectation> = {};
