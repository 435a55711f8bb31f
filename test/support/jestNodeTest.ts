/**
 * "node:test" on Jest (jest.config.js maps the module here): the tests keep importing
 * `describe`, `test`, `before`, `after`, `beforeEach`, `afterEach` from "node:test" and run
 * unchanged under both runners (`npm test` = Jest, `node --import tsx --test` = Node's runner).
 *
 * What is mapped:
 * - `test`/`it(name, [options], fn)` → Jest `test`; options `skip` (true or a reason) →
 *   `test.skip`, `todo` → `test.todo`, `only` → `test.only`, `timeout` → Jest's timeout;
 * - `describe`/`suite(name, [options], fn)` → Jest `describe` (same options but timeout);
 * - `before`/`after` → `beforeAll`/`afterAll`; `beforeEach`/`afterEach` as they are; the hook
 *   option `timeout` is kept.
 * The function gets a small stand-in for Node's TestContext (name, signal, diagnostic); a
 * function that declares a second parameter gets Node's `done` callback. Subtests (`t.test`),
 * `t.skip`, `t.todo`, `t.plan` and `mock` are not supported: they throw a clear error instead
 * of silently passing.
 */
import {
  afterAll,
  afterEach as jestAfterEach,
  beforeAll,
  beforeEach as jestBeforeEach,
  describe as jestDescribe,
  test as jestTest,
} from "@jest/globals";

type Done = (error?: unknown) => void;
/** Jest's own function types: what `test` and the hooks accept. */
type JestTestFn = NonNullable<Parameters<typeof jestTest>[1]>;
type JestHook = typeof beforeAll;
type TestFn = (context: TestContext, done: Done) => unknown;
type SuiteFn = (context: SuiteContext) => unknown;

interface TestOptions {
  skip?: boolean | string;
  todo?: boolean | string;
  only?: boolean;
  timeout?: number;
  concurrency?: number | boolean;
  signal?: AbortSignal;
}
interface HookOptions {
  timeout?: number;
  signal?: AbortSignal;
}

interface SuiteContext {
  readonly name: string;
  readonly signal: AbortSignal;
}
interface TestContext extends SuiteContext {
  readonly fullName: string;
  diagnostic(message: string): void;
  skip(message?: string): never;
  todo(message?: string): never;
  plan(count: number): never;
  readonly test: never;
  readonly mock: never;
}

function unsupported(what: string): never {
  throw new Error(
    `${what} is not supported under Jest (test/support/jestNodeTest.ts): ` +
      "use describe/test/before/after/beforeEach/afterEach only."
  );
}

function testContext(name: string): TestContext {
  const signal = new AbortController().signal;
  return {
    name,
    fullName: name,
    signal,
    diagnostic: () => undefined,
    skip: () => unsupported("t.skip()"),
    todo: () => unsupported("t.todo()"),
    plan: () => unsupported("t.plan()"),
    get test(): never {
      return unsupported("t.test() (subtests)");
    },
    get mock(): never {
      return unsupported("t.mock");
    },
  };
}

/** Node's overloads: ([name], [options], [fn]) in that order, each optional. */
function parseArgs<F>(args: unknown[]): { name: string; options: TestOptions; fn: F | undefined } {
  let name = "<anonymous>";
  let options: TestOptions = {};
  let fn: F | undefined;
  for (const arg of args) {
    if (typeof arg === "string") {
      name = arg;
    } else if (typeof arg === "function") {
      fn = arg as F;
      if (name === "<anonymous>" && arg.name) {
        name = arg.name;
      }
    } else if (arg !== null && typeof arg === "object") {
      options = arg as TestOptions;
    }
  }
  return { name, options, fn };
}

function reason(value: boolean | string | undefined): string {
  return typeof value === "string" && value !== "" ? ` (${value})` : "";
}

/** A node:test function as a Jest one: the context as first argument, `done` if declared. */
function jestFunction(fn: (context: TestContext, done: Done) => unknown, name: string): JestTestFn {
  if (fn.length >= 2) {
    return ((done: Done) => {
      fn(testContext(name), (error?: unknown) => done(error ?? undefined));
    }) as JestTestFn;
  }
  // No declared parameter: Jest must not mistake it for a `done`-style function.
  return (() => fn(testContext(name), () => undefined)) as JestTestFn;
}

export function test(...args: unknown[]): void {
  const { name, options, fn } = parseArgs<TestFn>(args);
  if (options.todo) {
    jestTest.todo(`${name}${reason(options.todo)}`);
    return;
  }
  if (options.skip || fn === undefined) {
    jestTest.skip(`${name}${reason(options.skip)}`, () => undefined);
    return;
  }
  const register = options.only ? jestTest.only : jestTest;
  register(name, jestFunction(fn, name), options.timeout);
}

export function describe(...args: unknown[]): void {
  const { name, options, fn } = parseArgs<SuiteFn>(args);
  if (options.todo || options.skip || fn === undefined) {
    jestDescribe.skip(`${name}${reason(options.skip ?? options.todo)}`, () => {
      jestTest.skip("skipped suite", () => undefined);
    });
    return;
  }
  const register = options.only ? jestDescribe.only : jestDescribe;
  register(name, () => {
    const result = fn({ name, signal: new AbortController().signal });
    if (result instanceof Promise) {
      unsupported("an async describe()");
    }
  });
}

function hook(register: JestHook, hookName: string, fn: TestFn, options: HookOptions = {}): void {
  register(jestFunction(fn, hookName) as Parameters<JestHook>[0], options.timeout);
}

export function before(fn: TestFn, options?: HookOptions): void {
  hook(beforeAll, "before", fn, options);
}

export function after(fn: TestFn, options?: HookOptions): void {
  hook(afterAll, "after", fn, options);
}

export function beforeEach(fn: TestFn, options?: HookOptions): void {
  hook(jestBeforeEach, "beforeEach", fn, options);
}

export function afterEach(fn: TestFn, options?: HookOptions): void {
  hook(jestAfterEach, "afterEach", fn, options);
}

export const it = test;
export const suite = describe;

/** `mock` of node:test has no Jest counterpart here: any use fails loudly. */
export const mock: unknown = new Proxy(
  {},
  {
    get: (_target, property) => unsupported(`mock.${String(property)}`),
  }
);

export default test;
