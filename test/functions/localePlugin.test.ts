/**
 * FunctionsLocalizationPlugin wired to a stand-in webpack compiler: it emits functions-ru.json
 * after functions.json exists, turns a bad table into a compilation error, and stays quiet when
 * the metadata plugin already failed (no functions.json).
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const require = createRequire(__filename);
const webpack = require("webpack") as typeof import("webpack");
const { FunctionsLocalizationPlugin } = require("../../scripts/functions-locale.js") as {
  FunctionsLocalizationPlugin: new (options: { input?: string; output: string; table: string }) => {
    apply(compiler: unknown): void;
  };
};

const METADATA = {
  functions: [
    {
      id: "GROUP",
      name: "GROUP",
      description: "Group.",
      parameters: [{ name: "codes", description: "Codes.", type: "string" }],
      result: { type: "number" },
    },
  ],
};
const TABLE = {
  GROUP: {
    name: "ГРУППА",
    description: "Группа.",
    parameters: { codes: { name: "коды", description: "Коды." } },
  },
};

/** Runs the plugin's processAssets step once over `assets`; returns emitted assets and errors. */
function runPlugin(table: unknown, assets: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), "vshu-locale-"));
  try {
    const tableFile = path.join(dir, "table.json");
    writeFileSync(tableFile, JSON.stringify(table));
    const emitted = new Map<string, string>();
    const errors: Error[] = [];
    const fileDependencies = new Set<string>();
    let processAssets: (() => void) | null = null;
    let stage: number | null = null;
    const compilation = {
      fileDependencies,
      errors,
      hooks: {
        processAssets: {
          tap(options: { stage: number }, fn: () => void) {
            stage = options.stage;
            processAssets = fn;
          },
        },
      },
      getAsset(name: string) {
        const text = assets[name];
        return text === undefined ? undefined : { source: new webpack.sources.RawSource(text) };
      },
      emitAsset(name: string, source: { source(): string | Buffer }) {
        emitted.set(name, source.source().toString());
      },
    };
    const compiler = {
      webpack,
      hooks: { thisCompilation: { tap: (_: string, fn: (c: unknown) => void) => fn(compilation) } },
    };
    new FunctionsLocalizationPlugin({ output: "functions-ru.json", table: tableFile }).apply(
      compiler
    );
    assert.ok(processAssets, "hooked into processAssets");
    (processAssets as () => void)();
    return { emitted, errors, fileDependencies, stage, tableFile };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("FunctionsLocalizationPlugin", () => {
  test("emits functions-ru.json from functions.json and watches the table", () => {
    const run = runPlugin(TABLE, { "functions.json": JSON.stringify(METADATA) });
    assert.deepEqual(run.errors, []);
    assert.equal(run.stage, webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL);
    assert.ok(run.fileDependencies.has(run.tableFile));
    const ru = JSON.parse(run.emitted.get("functions-ru.json") ?? "{}");
    assert.equal(ru.functions[0].id, "GROUP");
    assert.equal(ru.functions[0].name, "ГРУППА");
    assert.deepEqual(ru.functions[0].parameters, [
      { name: "коды", description: "Коды.", type: "string" },
    ]);
    assert.deepEqual(ru.functions[0].result, { type: "number" });
  });

  test("a table that does not match is a build error, nothing emitted", () => {
    const run = runPlugin({}, { "functions.json": JSON.stringify(METADATA) });
    assert.equal(run.emitted.size, 0);
    assert.equal(run.errors.length, 1);
    assert.match(run.errors[0]?.message ?? "", /GROUP: no translation/);
  });

  test("no functions.json (the metadata plugin failed): no second error", () => {
    const run = runPlugin(TABLE, {});
    assert.equal(run.emitted.size, 0);
    assert.deepEqual(run.errors, []);
  });
});
