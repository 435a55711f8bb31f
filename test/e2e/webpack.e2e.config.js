// Build of the task pane's e2e host page (test/e2e/host/main.ts): the real pane on the Office.js
// adapter over the fake Excel (or the in-memory gateway), with the same HTML template (office.js
// from the CDN, which the tests stub); with stubOnly, the office.js stand-in for the bench.
// Used by test/e2e/*.test.ts and bench/taskpane-bench.ts through webpack's Node API.
"use strict";

const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const root = path.resolve(__dirname, "../..");

/**
 * @param {{ outDir: string, mode?: "development" | "production", stubOnly?: boolean }} opts
 * stubOnly: build only officeStub.js (office.js backed by the fake Excel, for the bench).
 */
module.exports = function e2eConfig(opts) {
  const entry = opts.stubOnly
    ? { officeStub: "./test/e2e/host/officeStub.ts" }
    : { taskpane: "./test/e2e/host/main.ts" };
  return {
    mode: opts.mode ?? "development",
    devtool: false,
    context: root,
    entry,
    output: { path: opts.outDir, filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type-checking is `tsc -p tsconfig.test.json`; here only transpile.
            options: { configFile: path.resolve(root, "tsconfig.json"), transpileOnly: true },
          },
        },
      ],
    },
    plugins: opts.stubOnly
      ? []
      : [
          new HtmlWebpackPlugin({
            filename: "taskpane.html",
            template: path.resolve(root, "src/taskpane/taskpane.html"),
            chunks: ["taskpane"],
          }),
        ],
    performance: { hints: false },
  };
};
