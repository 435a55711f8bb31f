// ESLint flat config. `office-addin-lint check` (npm run lint) runs ESLint with this file because
// it exists in the project root; otherwise it would use its own minimal config.
//
// - eslint-plugin-office-addins "recommended" (ESLint recommended + Office rules + Prettier),
//   with no-context-sync-in-loop raised to an error, applied to .ts AND .tsx (the plugin's own
//   block stops at .ts);
// - typescript-eslint "recommended" (no type information needed).
//   The office-addins plugin bundles an older @typescript-eslint/eslint-plugin (8.8) under the same
//   name; ESLint refuses two plugin objects with one name, so its block is rebuilt below with the
//   top-level typescript-eslint plugin;
// - src/core is pure: no I/O packages, no Node, no Office, no DOM, no clock
//   (scripts/check-layers.js checks the same rules from the import graph).
// Prettier options come from package.json ("prettier": "office-addin-prettier-config", width 100).
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";
import globals from "globals";

const [eslintRecommended, prettierCompat, officeBlock] = officeAddins.configs.recommended;

const TS_FILES = ["**/*.{ts,tsx,mts,cts}"];

const coreRestrictedImports = [
  "exceljs",
  "papaparse",
  "nodemailer",
  "commander",
  "react",
  "react-dom",
  "fs",
  "fs/promises",
  "path",
  "os",
  "child_process",
  "crypto",
  "url",
  "util",
].map((name) => ({
  name,
  message: "src/core is pure: do I/O in src/cli or src/excel and pass data in.",
}));

export default [
  {
    ignores: ["dist/", "build/", "node_modules/", "demo-out/", "bench-out/", "coverage/"],
  },
  eslintRecommended,
  prettierCompat,
  ...tseslint.configs.recommended,
  {
    ...officeBlock,
    files: ["**/*.{js,mjs,cjs,ts,tsx,mts,cts}"],
    plugins: { ...officeBlock.plugins, "@typescript-eslint": tseslint.plugin },
    languageOptions: {
      ...officeBlock.languageOptions,
      parser: tseslint.parser,
      ecmaVersion: "latest",
    },
    rules: {
      ...officeBlock.rules,
      "office-addins/no-context-sync-in-loop": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Node scripts and configs in plain CommonJS (webpack.config.js, scripts/*.js).
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: TS_FILES.map((glob) => `src/core/${glob}`),
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: coreRestrictedImports,
          patterns: [
            { group: ["node:*"], message: "src/core must not use Node built-ins." },
            {
              regex: "^(\\.\\./)+(excel|cli|taskpane|functions|commands)(/|$)",
              message: "src/core must not import the add-in or the CLI; they import the core.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...["window", "document", "navigator", "localStorage", "Office", "Excel", "OfficeExtension"]
          .concat(["OfficeRuntime", "CustomFunctions", "process", "Buffer", "require", "__dirname"])
          .map((name) => ({ name, message: "src/core runs everywhere: no host globals." })),
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "src/core never reads the clock: take today's date as a parameter.",
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "src/core never reads the clock: take today's date as a parameter.",
        },
      ],
    },
  },
  {
    // src/csv: CSV parsing shared by the CLI and the add-in — papaparse and src/core only.
    files: TS_FILES.map((glob) => `src/csv/${glob}`),
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: coreRestrictedImports
            .filter((p) => p.name !== "papaparse")
            .map((p) => ({ ...p, message: "src/csv is shared by the CLI and the add-in." })),
          patterns: [
            { group: ["node:*"], message: "src/csv must not use Node built-ins." },
            {
              regex: "^(\\.\\./)+(excel|cli|taskpane|functions|commands)(/|$)",
              message: "src/csv must not import the add-in or the CLI; they import it.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...[
          "window",
          "document",
          "Office",
          "Excel",
          "process",
          "Buffer",
          "require",
          "__dirname",
        ].map((name) => ({
          name,
          message: "src/csv runs in the CLI and the add-in: no host globals.",
        })),
      ],
    },
  },
];
