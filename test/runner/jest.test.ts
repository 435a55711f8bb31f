/**
 * The Jest set-up of `npm test` (jest.config.js) on small test files of its own, run in a
 * separate Jest process: node:test's describe/test/hooks keep their order and options on Jest,
 * node:assert's deep equality works across realms, a failure fails, and a run without tests is
 * never green. The summary line and the JSON for CI come from test/support/jestSummary.js.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

const require = createRequire(__filename);
const ROOT = path.resolve(__dirname, "../..");
const JEST = path.join(ROOT, "node_modules/jest/bin/jest.js");

interface Summary {
  passed: number;
  failed: number;
  skipped: number;
  todo: number;
  brokenFiles: number;
  success: boolean;
}

/** jest.config.js with <rootDir> resolved to the repository, pointed at `dir`. */
function configFor(dir: string, summaryFile: string): object {
  const resolve = (value: unknown): unknown => {
    if (typeof value === "string") {
      return value.split("<rootDir>").join(ROOT);
    }
    if (Array.isArray(value)) {
      return value.map(resolve);
    }
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    }
    return value;
  };
  const config = resolve(require(path.join(ROOT, "jest.config.js"))) as Record<string, unknown>;
  // Jest looks a transformer up from rootDir, which is outside the repository here.
  const transform = Object.fromEntries(
    Object.entries(config.transform as Record<string, [string, object]>).map(([k, [name, o]]) => [
      k,
      [require.resolve(name), o],
    ])
  );
  return {
    ...config,
    transform,
    rootDir: dir,
    roots: [dir],
    testMatch: [`${dir}/*.test.ts`],
    modulePathIgnorePatterns: [],
    reporters: [
      "default",
      [path.join(ROOT, "test/support/jestSummary.js"), { outputFile: summaryFile }],
    ],
  };
}

let dir = "";

/** Runs Jest on `files` (name → source) in a fresh folder; returns status, summary, output. */
function runJest(files: Record<string, string>, extraArgs: string[] = []) {
  const run = mkdtempSync(path.join(dir, "run-"));
  for (const [name, source] of Object.entries(files)) {
    writeFileSync(path.join(run, name), source);
  }
  const summaryFile = path.join(run, "summary.json");
  const env = { ...process.env };
  delete env.VSHU_TEST_SUMMARY;
  delete env.JEST_WORKER_ID;
  const result = spawnSync(
    process.execPath,
    [JEST, `--config=${JSON.stringify(configFor(run, summaryFile))}`, "--ci", ...extraArgs],
    { cwd: run, env, encoding: "utf8", timeout: 240_000 }
  );
  let summary: Summary | null = null;
  try {
    summary = JSON.parse(readFileSync(summaryFile, "utf8")) as Summary;
  } catch {
    summary = null;
  }
  const lines = `${result.stdout}${result.stderr}`.trim().split("\n");
  return {
    status: result.status,
    summary,
    output: result.stderr,
    lastLine: lines.at(-1) ?? "",
    folder: run,
  };
}

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), "vshu-jest-"));
});

after(() => {
  rmSync(dir, { recursive: true, force: true });
});

const ORDER_TEST = `
import { after, afterEach, before, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { writeFileSync } from "node:fs";

const events: string[] = [];
before(() => { events.push("before"); });
after(() => {
  events.push("after");
  writeFileSync(__dirname + "/events.json", JSON.stringify(events));
});

describe("suite", () => {
  beforeEach(() => { events.push("beforeEach"); });
  afterEach(() => { events.push("afterEach"); });
  test("first", () => { events.push("first"); });
  test("async with a timeout", { timeout: 10_000 }, async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    events.push("second");
  });
  test("gets a context with its name", (t) => {
    assert.equal(t.name, "gets a context with its name");
    events.push("third");
  });
  test("skipped", { skip: "not here" }, () => { throw new Error("ran a skipped test"); });
  test("skipped too", { skip: true }, () => { throw new Error("ran a skipped test"); });
  test("to do", { todo: true });
});

describe("node:assert across realms", () => {
  test("an array made by Node equals a literal", () => {
    assert.deepEqual(readdirSync(__dirname).filter((f) => f === "nothing"), []);
    assert.deepEqual(structuredClone({ a: [1, { b: new Map([[1, new Set([2])]]) }] }), {
      a: [1, { b: new Map([[1, new Set([2])]]) }],
    });
  });
  test("a class instance still differs from a plain object", () => {
    class Point { constructor(public x: number) {} }
    assert.notDeepEqual(new Point(1), { x: 1 });
    assert.throws(() => assert.deepEqual(new Point(1), { x: 1 }));
  });
  test("different values still differ", () => {
    assert.throws(() => assert.deepEqual(structuredClone([1, 2]), [1, 3]), /deep/i);
  });
});
`;

describe("npm test on Jest (jest.config.js)", () => {
  test("node:test hooks and options keep their meaning; the summary counts them", () => {
    const run = runJest({ "order.test.ts": ORDER_TEST });
    assert.equal(run.status, 0, run.output);
    assert.equal(run.lastLine, "6 passed, 0 failed");
    assert.deepEqual(run.summary, {
      passed: 6,
      failed: 0,
      skipped: 2,
      todo: 1,
      files: 1,
      brokenFiles: 0,
      success: true,
    });
    const events = JSON.parse(readFileSync(path.join(run.folder, "events.json"), "utf8"));
    assert.deepEqual(events, [
      "before",
      "beforeEach",
      "first",
      "afterEach",
      "beforeEach",
      "second",
      "afterEach",
      "beforeEach",
      "third",
      "afterEach",
      "after",
    ]);
  });

  test("a failing assertion fails the run and the line says so", () => {
    const run = runJest({
      "fail.test.ts": `
        import { test } from "node:test";
        import assert from "node:assert/strict";
        test("passes", () => assert.equal(1, 1));
        test("fails", () => assert.deepEqual([1], [2]));
      `,
    });
    assert.equal(run.status, 1);
    assert.equal(run.lastLine, "1 passed, 1 failed");
    assert.equal(run.summary?.success, false);
  });

  test("a test file that cannot run counts as a failure", () => {
    const run = runJest({
      "ok.test.ts": `import { test } from "node:test"; test("passes", () => undefined);`,
      "broken.test.ts": `import { test } from "node:test"; throw new Error("broken import");`,
    });
    assert.equal(run.status, 1);
    assert.equal(run.lastLine, "1 passed, 1 failed");
    assert.equal(run.summary?.brokenFiles, 1);
  });

  test("a run that executed no test is not green", () => {
    const run = runJest(
      { "empty.test.ts": `import { describe } from "node:test"; describe("nothing", () => {});` },
      ["--passWithNoTests", "--testPathPatterns", "no-such-file"]
    );
    assert.notEqual(run.status, 0);
    assert.equal(run.lastLine, "0 passed, 0 failed");
    assert.equal(run.summary?.success, false);
  });

  test("unsupported node:test features fail loudly instead of passing", () => {
    const run = runJest({
      "subtest.test.ts": `
        import { test } from "node:test";
        test("uses a subtest", async (t) => { await t.test("inner", () => undefined); });
      `,
    });
    assert.equal(run.status, 1);
    assert.equal(run.lastLine, "0 passed, 1 failed");
    assert.match(run.output, /not supported under Jest/);
  });
});
