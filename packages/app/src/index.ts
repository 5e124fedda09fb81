export * from './ports.js';
export * from './api.js';
export type { Actor, ActorKind, ApiEnv } from './http/env.js';
export { forbidden, requireActor, spaceIdOf, unauthenticated } from './http/guards.js';
export { IdParam, PROBLEMS, PathSegment, ProblemSchema, SECURITY, createRouter, jsonBody, jsonResponse, problems } from './http/openapi.js';
export { errorHandler, fromHttpException, internalProblemResponse, problemResponse, validationHook } from './http/problem.js';
export * from './assignments/use-cases.js';
export { assignmentNoticeMail, cancellationNoticeMail, SIGNATURE } from './assignments/mails.js';
export { AssignmentResult as AssignmentResultSchema, BulkRemovalResult, EligibleList as EligibleListSchema, EligibleQuery, assignmentRoutes } from './assignments/routes.js';
