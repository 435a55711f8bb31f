/**
 * .ci/run with a stand-in `npm` on PATH (the real one would reinstall node_modules): whatever
 * happens, the log's last line is "N passed, N failed" from Jest's results, and a run in which
 * no test ran is a failure even when every command exited 0.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

/** The stand-in: `npm ci` and `npm run test:ci` as the FAKE_* variables say. */
const FAKE_NPM = `#!/usr/bin/env bash
case "$1 \${2:-}" in
  "ci "*)
    echo "fake npm ci"
    exit "\${FAKE_NPM_CI:-0}" ;;
  "run test:ci")
    echo "fake gate"
    if [ -n "\${FAKE_SUMMARY:-}" ]; then printf '%s' "$FAKE_SUMMARY" > "$VSHU_TEST_SUMMARY"; fi
    if [ "\${FAKE_GATE:-0}" != "0" ]; then echo "npm error Lifecycle script failed" >&2; fi
    exit "\${FAKE_GATE:-0}" ;;
esac
echo "unexpected npm $*" >&2
exit 99
`;

let bin = "";

before(() => {
  bin = mkdtempSync(path.join(tmpdir(), "vshu-ci-"));
  writeFileSync(path.join(bin, "npm"), FAKE_NPM);
  chmodSync(path.join(bin, "npm"), 0o755);
});

after(() => {
  rmSync(bin, { recursive: true, force: true });
});

/** Runs .ci/run with stdout and stderr in one stream, as a CI log has them. */
function ci(fake: Record<string, string>) {
  const env: Record<string, string | undefined> = {
    ...process.env,
    PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}`,
    FAKE_NPM_CI: "0",
    FAKE_GATE: "0",
    FAKE_SUMMARY: "",
    ...fake,
  };
  delete env.VSHU_TEST_SUMMARY;
  const result = spawnSync("bash", ["-c", `"${path.join(ROOT, ".ci/run")}" 2>&1`], {
    env,
    encoding: "utf8",
    timeout: 60_000,
  });
  const lines = result.stdout.trim().split("\n");
  return { status: result.status, log: result.stdout, lastLine: lines.at(-1) ?? "" };
}

const summary = (passed: number, failed: number): string =>
  JSON.stringify({ passed, failed, skipped: 0, todo: 0, files: 3, brokenFiles: 0 });

describe(".ci/run", () => {
  const cases: Array<[string, Record<string, string>, number, string]> = [
    ["green: tests ran and passed", { FAKE_SUMMARY: summary(812, 0) }, 0, "812 passed, 0 failed"],
    [
      "red: a test failed (npm's error comes before the line)",
      { FAKE_SUMMARY: summary(800, 12), FAKE_GATE: "1" },
      1,
      "800 passed, 12 failed",
    ],
    ["the gate stopped before Jest (lint, types)", { FAKE_GATE: "1" }, 1, "0 passed, 0 failed"],
    ["npm ci failed: nothing else ran", { FAKE_NPM_CI: "1" }, 1, "0 passed, 0 failed"],
    [
      "every command exited 0 but no test ran",
      { FAKE_SUMMARY: summary(0, 0) },
      1,
      "0 passed, 0 failed",
    ],
    [
      "exit 0 with failures in the summary",
      { FAKE_SUMMARY: summary(5, 1) },
      1,
      "5 passed, 1 failed",
    ],
  ];
  for (const [what, fake, status, line] of cases) {
    test(what, () => {
      const run = ci(fake);
      assert.equal(run.status, status, run.log);
      assert.equal(run.lastLine, line, run.log);
    });
  }

  test("runs npm ci, then the README's test command", () => {
    const run = ci({ FAKE_SUMMARY: summary(1, 0) });
    assert.ok(run.log.indexOf("fake npm ci") < run.log.indexOf("fake gate"), run.log);
    assert.doesNotMatch(run.log, /unexpected npm/);
  });
});
