// `zod` in the one-tag bundle: zod/mini with the part of classic zod's method
// API that the domain's and the SDK's schemas call (`z.string().trim().min(1)`,
// `.optional()`, `.extend()`…), each method written as classic zod writes it
// over the same core. The server keeps full zod (@hono/zod-openapi extends the
// domain's schemas); browsers get the same schemas, the same checks and the
// same messages at about half classic zod's weight, without its JSON Schema
// generator or the methods nothing calls. build-bundle.mjs aliases `zod` to
// zod-entry.js (this module as `z` and by name); `npm run test:zod-mini` runs
// the domain's and the SDK's tests on it, so a classic method or schema class
// the schemas start to use and this file lacks fails there first. Every
// member of zod/mini is read by name (never iterated), so what the schemas do
// not use stays out of the bundle.
import * as mini from 'zod/mini';
import { en } from 'zod/locales';

// Classic zod's default messages (English), for an issue a schema gives no message of its own —
// unless the page's own zod chose a locale already (zod's configuration is global to the page).
if (!mini.config().localeError) mini.config(en());

const isSized = (schema) => ['number', 'bigint', 'date'].includes(schema._zod.def.type);

/** Classic zod's methods, as classic zod defines them (zod/v4/classic/schemas.js), for every schema. */
const methods = {
  refine(check, params) {
    return this.check(mini.refine(check, params));
  },
  superRefine(refinement, params) {
    return this.check(mini.superRefine(refinement, params));
  },
  overwrite(fn) {
    return this.check(mini.overwrite(fn));
  },
  optional() {
    return mini.optional(this);
  },
  exactOptional() {
    return mini.exactOptional(this);
  },
  nullable() {
    return mini.nullable(this);
  },
  nullish() {
    return mini.optional(mini.nullable(this));
  },
  nonoptional(params) {
    return mini.nonoptional(this, params);
  },
  array() {
    return mini.array(this);
  },
  or(other) {
    return mini.union([this, other]);
  },
  and(other) {
    return mini.intersection(this, other);
  },
  transform(fn) {
    return mini.pipe(this, transform(fn));
  },
  default(value) {
    return mini._default(this, value);
  },
  prefault(value) {
    return mini.prefault(this, value);
  },
  catch(value) {
    return mini.catch(this, value);
  },
  pipe(target) {
    return mini.pipe(this, target);
  },
  readonly() {
    return mini.readonly(this);
  },
  describe(description) {
    const copy = this.clone();
    mini.globalRegistry.add(copy, { description });
    return copy;
  },
  meta(...args) {
    if (args.length === 0) return mini.globalRegistry.get(this);
    const copy = this.clone();
    mini.globalRegistry.add(copy, args[0]);
    return copy;
  },
  isOptional() {
    return this.safeParse(undefined).success;
  },
  isNullable() {
    return this.safeParse(null).success;
  },
  unwrap() {
    const { def } = this._zod;
    return def.innerType ?? def.element;
  },
  // Strings and arrays (lengths), numbers and dates (values).
  min(value, params) {
    return this.check(isSized(this) ? mini.gte(value, params) : mini.minLength(value, params));
  },
  max(value, params) {
    return this.check(isSized(this) ? mini.lte(value, params) : mini.maxLength(value, params));
  },
  length(value, params) {
    return this.check(mini.length(value, params));
  },
  nonempty(params) {
    return this.check(mini.minLength(1, params));
  },
  // Strings.
  regex(pattern, params) {
    return this.check(mini.regex(pattern, params));
  },
  includes(value, params) {
    return this.check(mini.includes(value, params));
  },
  startsWith(value, params) {
    return this.check(mini.startsWith(value, params));
  },
  endsWith(value, params) {
    return this.check(mini.endsWith(value, params));
  },
  lowercase(params) {
    return this.check(mini.lowercase(params));
  },
  uppercase(params) {
    return this.check(mini.uppercase(params));
  },
  trim() {
    return this.check(mini.trim());
  },
  normalize(form) {
    return this.check(mini.normalize(form));
  },
  toLowerCase() {
    return this.check(mini.toLowerCase());
  },
  toUpperCase() {
    return this.check(mini.toUpperCase());
  },
  // Numbers.
  gt(value, params) {
    return this.check(mini.gt(value, params));
  },
  gte(value, params) {
    return this.check(mini.gte(value, params));
  },
  lt(value, params) {
    return this.check(mini.lt(value, params));
  },
  lte(value, params) {
    return this.check(mini.lte(value, params));
  },
  int(params) {
    return this.check(mini.int(params));
  },
  safe(params) {
    return this.check(mini.int(params));
  },
  positive(params) {
    return this.check(mini.gt(0, params));
  },
  nonnegative(params) {
    return this.check(mini.gte(0, params));
  },
  negative(params) {
    return this.check(mini.lt(0, params));
  },
  nonpositive(params) {
    return this.check(mini.lte(0, params));
  },
  multipleOf(value, params) {
    return this.check(mini.multipleOf(value, params));
  },
  step(value, params) {
    return this.check(mini.multipleOf(value, params));
  },
  // Objects.
  keyof() {
    return mini.keyof(this);
  },
  catchall(schema) {
    return this.clone({ ...this._zod.def, catchall: schema });
  },
  passthrough() {
    return this.clone({ ...this._zod.def, catchall: mini.unknown() });
  },
  loose() {
    return this.clone({ ...this._zod.def, catchall: mini.unknown() });
  },
  strict() {
    return this.clone({ ...this._zod.def, catchall: mini.never() });
  },
  strip() {
    return this.clone({ ...this._zod.def, catchall: undefined });
  },
  extend(shape) {
    return mini.extend(this, shape);
  },
  safeExtend(shape) {
    return mini.safeExtend(this, shape);
  },
  merge(other) {
    return mini.extend(this, other.shape);
  },
  pick(mask) {
    return mini.pick(this, mask);
  },
  omit(mask) {
    return mini.omit(this, mask);
  },
  partial(mask) {
    return mini.partial(this, mask);
  },
  required(mask) {
    return mini.required(this, mask);
  },
  // Enumerations.
  extract(values, params) {
    return mini.enum(values, params);
  },
  exclude(values, params) {
    return mini.enum(
      Object.values(this._zod.def.entries).filter((value) => !values.includes(value)),
      params,
    );
  },
};

/** Classic zod's properties: an array's element, an enumeration's entries. */
const getters = {
  element() {
    return this._zod.def.element;
  },
  enum() {
    return this._zod.def.entries;
  },
  description() {
    return mini.globalRegistry.get(this)?.description;
  },
};

/**
 * The schema classes the domain's and the SDK's schemas build (directly or
 * through a method): each gets the methods above it does not have of its own
 * (parse, check, shape… stay zod/mini's). A class listed here stays in the
 * bundle: add one when the schemas start to use it (the tests on this file say
 * which: `x.optional is not a function`).
 */
const CLASSES = [
  mini.ZodMiniString,
  mini.ZodMiniStringFormat,
  mini.ZodMiniEmail,
  mini.ZodMiniISODateTime,
  mini.ZodMiniISODate,
  mini.ZodMiniNumber,
  mini.ZodMiniNumberFormat,
  mini.ZodMiniBoolean,
  mini.ZodMiniNull,
  mini.ZodMiniUnknown,
  mini.ZodMiniNever,
  mini.ZodMiniLiteral,
  mini.ZodMiniEnum,
  mini.ZodMiniArray,
  mini.ZodMiniObject,
  mini.ZodMiniUnion,
  mini.ZodMiniIntersection,
  mini.ZodMiniTransform,
  mini.ZodMiniPipe,
  mini.ZodMiniOptional,
  mini.ZodMiniNullable,
  mini.ZodMiniDefault,
  mini.ZodMiniPrefault,
  mini.ZodMiniNonOptional,
  mini.ZodMiniCatch,
  mini.ZodMiniReadonly,
  mini.ZodMiniCustom,
];
for (const constructor of CLASSES) {
  const { prototype } = constructor;
  for (const [method, fn] of Object.entries(methods)) {
    if (!(method in prototype)) Object.defineProperty(prototype, method, { value: fn, writable: true, configurable: true });
  }
  for (const [property, get] of Object.entries(getters)) {
    if (!(property in prototype)) Object.defineProperty(prototype, property, { get, configurable: true });
  }
}

/**
 * Classic zod's `z.transform(fn)`: `fn(value, ctx)` may report a problem with
 * `ctx.addIssue(…)` (and return `z.NEVER`), which zod/mini's does not offer.
 */
export function transform(fn) {
  const schema = mini.transform((value, payload) => {
    payload.addIssue = (issue) => {
      if (typeof issue === 'string') {
        payload.issues.push(mini.core.util.issue(issue, payload.value, schema._zod.def));
        return;
      }
      if (issue.fatal) issue.continue = false;
      issue.code ??= 'custom';
      if (!('input' in issue)) issue.input = payload.value;
      issue.inst ??= schema;
      payload.issues.push(mini.core.util.issue(issue));
    };
    return fn(value, payload);
  });
  return schema;
}

/** Classic zod's `z.preprocess(fn, schema)`: `fn` runs before `schema` parses. */
export function preprocess(fn, schema) {
  return mini.pipe(transform(fn), schema);
}

export * from 'zod/mini';
