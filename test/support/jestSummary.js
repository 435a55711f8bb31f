// Jest reporter (jest.config.js): ends the run with one plain line taken from Jest's results,
//
//     N passed, N failed
//
// where "failed" counts failed tests plus test files that could not run at all (a syntax error,
// a throwing import, a failing top-level hook outside any test): such a file has no test
// results, and without it a broken file would read as green. A run that executed no test
// fails (getLastError), so "0 passed, 0 failed" can never be a green run.
//
// With the option `outputFile` (env VSHU_TEST_SUMMARY, set by .ci/run) the same figures are
// also written as JSON, so CI can print the line as the very last line of its log, after npm's
// own messages.
"use strict";

const fs = require("node:fs");

class SummaryReporter {
  constructor(_globalConfig, options = {}) {
    this.outputFile = options.outputFile || "";
    this.error = undefined;
  }

  onRunComplete(_contexts, results) {
    const passed = results.numPassedTests;
    const brokenFiles = results.testResults.filter(
      (file) => file.testExecError !== undefined && file.numFailingTests === 0
    ).length;
    const failed = results.numFailedTests + brokenFiles;
    const summary = {
      passed,
      failed,
      skipped: results.numPendingTests,
      todo: results.numTodoTests,
      files: results.numTotalTestSuites,
      brokenFiles,
      // Jest sets results.success only after the reporters have run: decide here.
      success:
        failed === 0 &&
        passed > 0 &&
        !results.snapshot.failure &&
        results.runExecError === undefined &&
        !results.wasInterrupted,
    };
    if (passed + failed === 0) {
      this.error = new Error("no test was executed: a run without tests is not a green run");
    }
    if (this.outputFile) {
      fs.writeFileSync(this.outputFile, `${JSON.stringify(summary)}\n`);
    }
    const notes = [];
    if (summary.skipped > 0) {
      notes.push(`${summary.skipped} skipped`);
    }
    if (summary.todo > 0) {
      notes.push(`${summary.todo} todo`);
    }
    if (brokenFiles > 0) {
      notes.push(`${brokenFiles} test file(s) could not run`);
    }
    if (this.error) {
      notes.push(this.error.message);
    }
    const lines = [
      ...(notes.length > 0 ? [notes.join("; ")] : []),
      `${passed} passed, ${failed} failed`,
    ];
    // Jest adds its own summary reporter after the custom ones, so the line is written when the
    // process exits: after Jest's summary and any note Jest prints about open handles.
    process.once("exit", () => process.stderr.write(`${lines.join("\n")}\n`));
  }

  getLastError() {
    return this.error;
  }
}

module.exports = SummaryReporter;
