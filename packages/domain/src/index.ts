/**
 * @clr/domain — the business heart of CLR Admin. Schemas, error codes and every
 * rule R1–R21 as pure functions; depends on zod only.
 */
export * from './shared/errors.js';
export * from './shared/dates.js';
export * from './shared/day-input.js';
export * from './shared/enums.js';
export * from './shared/list.js';
export * from './i18n/labels.js';
export * from './catalogue/exam-types.js';
export * from './orders/schemas.js';
export * from './groups/schemas.js';
export * from './candidates/schemas.js';
export * from './codes/schemas.js';
export * from './documents/schemas.js';
export * from './exports/neutralise.js';
export * from './ledger.js';
export * from './people.js';
export * from './shared/problem.js';
