// Build of the shared-runtime page for test/e2e/runtime.test.ts: the add-in's own entries —
// taskpane.ts and commands.ts in taskpane.html, as webpack.config.js puts them (the functions
// bundle is left out: it needs the custom-functions metadata plugin), dialog.ts in dialog.html —
// and runtimeStub.js, which the test serves in place of the CDN's office.js.
"use strict";

const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const root = path.resolve(__dirname, "../..");

/** @param {{ outDir: string }} opts */
module.exports = function runtimeConfig(opts) {
  return {
    mode: "development",
    devtool: false,
    context: root,
    entry: {
      runtimeStub: "./test/e2e/host/runtimeStub.ts",
      taskpane: "./src/taskpane/taskpane.ts",
      commands: "./src/commands/commands.ts",
      dialog: "./src/commands/dialog.ts",
    },
    output: { path: opts.outDir, filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { configFile: path.resolve(root, "tsconfig.json"), transpileOnly: true },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: path.resolve(root, "src/taskpane/taskpane.html"),
        chunks: ["taskpane", "commands"],
      }),
      new HtmlWebpackPlugin({
        filename: "dialog.html",
        template: path.resolve(root, "src/commands/dialog.html"),
        chunks: ["dialog"],
      }),
    ],
    performance: { hints: false },
  };
};
