// Add-in bundle, after Microsoft's "Excel Custom Functions, shared runtime" template
// (OfficeDev/Excel-Custom-Functions-Shared, release branch), with these changes:
// - ts-loader (type-checks with tsconfig.json) instead of Babel;
// - no polyfill entry: target ES2022, which the Excel clients that run a shared runtime
//   (Microsoft 365 / Office 2021+, WebView2 or a current browser) all support;
// - functions-ru.json generated from functions.json (scripts/functions-locale.js);
// - the production manifest rewrite replaces EVERY localhost URL (the template's bug: it
//   replaced only the first) of both manifests; a production build without VSHU_PROD_URL (or
//   `--env prodUrl=…`) fails instead of shipping an example host;
// - no source maps in production (dist/ is published as it is); development keeps them;
// - a second page, taskpane-only.html (the pane's bundle alone), for manifest-taskpane.xml:
//   Office 2016/2019 have no custom-functions runtime, so the page loads neither the
//   functions nor the commands;
// - dialog.html (its own small bundle): where a ribbon command's message cannot reach the task
//   pane, the command shows it in this dialog (src/commands/feedback.ts).
"use strict";

const path = require("path");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { DEV_URL, productionUrl, rewriteManifestUrls } = require("./scripts/manifest-urls");
const { FunctionsLocalizationPlugin } = require("./scripts/functions-locale");

async function getHttpsOptions() {
  // Loaded lazily: plain `webpack` builds (CI) never touch the dev certificates.
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const urlProd = dev ? DEV_URL : productionUrl(process.env, (env || {}).prodUrl);
  const port = Number(process.env.npm_package_config_dev_server_port || 3000);

  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
      dialog: "./src/commands/dialog.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
      // Write every file on every build, so a file's time in dist/ is the build's time (the
      // tests that read dist/ skip a build older than its sources).
      compareBeforeEmit: false,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // Type-check what the bundle contains; `npm run typecheck` covers the rest of src/.
              onlyCompileBundledFiles: true,
            },
          },
        },
      ],
    },
    plugins: [
      // Must come first: it writes functions.json and injects CustomFunctions.associate calls.
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      // Then functions-ru.json: functions.json with the Russian names and descriptions
      // (manifest.xml: <bt:Override Locale="ru-ru"> on Functions.Metadata.Url).
      new FunctionsLocalizationPlugin({
        input: "functions.json",
        output: "functions-ru.json",
        table: "./src/functions/functions.ru.json",
      }),
      // Shared runtime: one page hosts the task pane, the functions and the commands.
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions", "commands"],
      }),
      // The dialog of the ribbon commands' messages (displayDialogAsync, same domain).
      new HtmlWebpackPlugin({
        filename: "dialog.html",
        template: "./src/commands/dialog.html",
        chunks: ["dialog"],
      }),
      // The task pane alone (manifest-taskpane.xml: Office 2016/2019, no shared runtime).
      new HtmlWebpackPlugin({
        filename: "taskpane-only.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext][query]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : rewriteManifestUrls(content.toString(), urlProd, DEV_URL);
            },
          },
        ],
      }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: {
        type: "https",
        options:
          env.WEBPACK_BUILD || options.https !== undefined
            ? options.https
            : await getHttpsOptions(),
      },
      port,
    },
  };
};
