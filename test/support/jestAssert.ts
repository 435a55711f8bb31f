/**
 * "node:assert/strict" on Jest (jest.config.js maps the module here): Node's strict assert,
 * with deep equality that ignores which JavaScript realm a plain value was made in.
 *
 * Jest runs each test file in its own VM context, so an array or object made by Node itself
 * (`fs.readdirSync(dir).filter(…)`, `structuredClone`, a child process's parsed output…) has
 * another `Array.prototype` than the test's literal `[]`, and Node's deepStrictEqual, which
 * compares prototypes, fails with "Values have same structure but are not reference-equal".
 * Under `node --test` both come from one realm. So `deepEqual`/`deepStrictEqual` and their
 * negations compare copies in which plain arrays, plain objects, Maps, Sets and Dates of any
 * realm are rebuilt in this one; class instances, errors, buffers and typed arrays are left
 * alone, so a class instance still differs from a plain object with the same fields.
 * Everything else is Node's assert unchanged.
 */
import { strict } from "node:assert";

type Strict = typeof strict;

const tagOf = (value: object): string => Object.prototype.toString.call(value);

/** A plain object of any realm: its prototype is null or some realm's Object.prototype. */
function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as { constructor?: unknown } | null;
  if (proto === null) {
    return true;
  }
  return (
    Object.getPrototypeOf(proto) === null &&
    typeof proto.constructor === "function" &&
    proto.constructor.name === "Object"
  );
}

/** `value` with its plain containers rebuilt in this realm (see the file comment). */
export function inThisRealm(value: unknown, seen = new Map<object, unknown>()): unknown {
  if (value === null || typeof value !== "object") {
    return value;
  }
  const known = seen.get(value);
  if (known !== undefined) {
    return known;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    seen.set(value, out);
    for (let i = 0; i < value.length; i += 1) {
      if (i in value) {
        out[i] = inThisRealm(value[i], seen);
      }
    }
    return out;
  }
  const tag = tagOf(value);
  if (tag === "[object Map]" && !(value instanceof Map)) {
    const out = new Map<unknown, unknown>();
    seen.set(value, out);
    for (const [k, v] of value as Map<unknown, unknown>) {
      out.set(inThisRealm(k, seen), inThisRealm(v, seen));
    }
    return out;
  }
  if (tag === "[object Set]" && !(value instanceof Set)) {
    const out = new Set<unknown>();
    seen.set(value, out);
    for (const v of value as Set<unknown>) {
      out.add(inThisRealm(v, seen));
    }
    return out;
  }
  if (tag === "[object Date]" && !(value instanceof Date)) {
    return new Date((value as Date).getTime());
  }
  if (!isPlainObject(value)) {
    return value;
  }
  const out: Record<PropertyKey, unknown> =
    Object.getPrototypeOf(value) === null ? Object.create(null) : {};
  seen.set(value, out);
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor;
    if ("value" in descriptor) {
      descriptor.value = inThisRealm(descriptor.value, seen);
    }
    Object.defineProperty(out, key, descriptor);
  }
  return out;
}

/** Runs a Node assertion; a failure's stack starts at the test's call, not in this file. */
function run(check: () => void, caller: (...args: never[]) => unknown): void {
  try {
    check();
  } catch (error) {
    // Node's AssertionError comes from Node's realm: `instanceof Error` is false in this one.
    if (typeof error === "object" && error !== null) {
      Error.captureStackTrace(error, caller);
    }
    throw error;
  }
}

const deepStrictEqual: Strict["deepStrictEqual"] = function deepStrictEqual(
  actual,
  expected,
  message
) {
  run(
    () => strict.deepStrictEqual(inThisRealm(actual), inThisRealm(expected), message),
    deepStrictEqual
  );
};

const notDeepStrictEqual: Strict["notDeepStrictEqual"] = function notDeepStrictEqual(
  actual,
  expected,
  message
) {
  run(
    () => strict.notDeepStrictEqual(inThisRealm(actual), inThisRealm(expected), message),
    notDeepStrictEqual
  );
};

/** `assert(value, message)`: Node's `ok`, failing at the caller's line. */
function assert(value: unknown, message?: string | Error): asserts value {
  if (value) {
    return;
  }
  if (message instanceof Error) {
    throw message;
  }
  throw new strict.AssertionError({
    actual: value,
    expected: true,
    operator: "==",
    message: message ?? "The expression evaluated to a falsy value",
    stackStartFn: assert,
  });
}

Object.assign(assert, strict, {
  deepStrictEqual,
  deepEqual: deepStrictEqual,
  notDeepStrictEqual,
  notDeepEqual: notDeepStrictEqual,
  strict: assert,
});

export default assert as unknown as Strict;
