import type { RouteExpectation } from '../permission-matrix';

/** Permission-matrix entries of the evaluation workflow routes (docs/EVALUATIONS.md). */
export const evaluationWorkflowExpectations: Record<string, RouteExpectation> = {};
