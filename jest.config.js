// Jest, the test runner (`npm test`), after Microsoft's "Unit testing in Office Add-ins"
// (Jest, a `test` script that runs `jest`, tests in their own folder, Office replaced by a fake
// in Node). The tests themselves are written with node:test and node:assert and stay runnable
// with `node --import tsx --test test/<dir>/<file>.test.ts`:
// - "node:test" is mapped to test/support/jestNodeTest.ts (describe/test/before/after/… on
//   Jest's globals), "node:assert/strict" to test/support/jestAssert.ts (Node's assert whose
//   deep equality ignores the realm a plain array or object was made in: Jest runs each file
//   in its own VM context);
// - TypeScript goes through ts-jest, transpile only (tsconfig.jest.json has isolatedModules),
//   as CommonJS; `import.meta.url` becomes the module's file URL (test/support/jestImportMeta.js);
// - the run ends with the line "N passed, N failed" (test/support/jestSummary.js), and a run
//   that executed no test fails.
"use strict";

/** @type {import("jest").Config} */
module.exports = {
  rootDir: __dirname,
  roots: ["<rootDir>/test"],
  // The same files as `node --test test/*/*.test.ts`: every suite, the e2e suite included.
  testMatch: ["<rootDir>/test/*/*.test.ts"],
  testEnvironment: "node",
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        tsconfig: "<rootDir>/tsconfig.jest.json",
        astTransformers: { before: ["<rootDir>/test/support/jestImportMeta.js"] },
      },
    ],
  },
  moduleNameMapper: {
    "^node:test$": "<rootDir>/test/support/jestNodeTest.ts",
    "^node:assert/strict$": "<rootDir>/test/support/jestAssert.ts",
  },
  moduleFileExtensions: ["ts", "tsx", "js", "cjs", "json"],
  modulePathIgnorePatterns: ["<rootDir>/dist/", "<rootDir>/build/", "<rootDir>/demo-out/"],
  // node:test has no default timeout; LibreOffice conversions, webpack builds of the e2e host
  // and Chromium on a busy 2-core machine take minutes, not Jest's default 5 s. A test or hook
  // can still set its own `{ timeout }`.
  testTimeout: 300_000,
  reporters: [
    "default",
    ["<rootDir>/test/support/jestSummary.js", { outputFile: process.env.VSHU_TEST_SUMMARY || "" }],
  ],
};
