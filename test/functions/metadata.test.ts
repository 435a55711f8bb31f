/**
 * The custom-function metadata, generated from src/functions/functions.ts with the same engine
 * as the webpack plugin (custom-functions-metadata), without running webpack; then localized
 * with src/functions/functions.ru.json the way the build makes functions-ru.json.
 */
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

interface Param {
  name: string;
  description?: string;
  type?: string;
  optional?: boolean;
  dimensionality?: string;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Param[];
  options?: Record<string, unknown>;
  result?: unknown;
}
interface Metadata {
  functions: Fn[];
}
interface Locale {
  localizeFunctionsMetadata(metadata: Metadata, table: Record<string, unknown>): Metadata;
  readTable(file: string): Record<string, unknown>;
}

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(require.resolve("../../package.json")));
const locale = require("../../scripts/functions-locale.js") as Locale;
const TABLE_FILE = path.join(ROOT, "src/functions/functions.ru.json");
const IDS = ["GROUP", "INDICATOR", "DUE", "STATUS", "AGE", "QUARTER"];
const RU_NAMES: Record<string, string> = {
  GROUP: "ГРУППА",
  INDICATOR: "ПОКАЗАТЕЛЬ",
  DUE: "СРОК",
  STATUS: "СТАТУС",
  AGE: "ВОЗРАСТ",
  QUARTER: "ЧЕТВЕРТЬ",
};

let metadata: Metadata;
let ru: Metadata;
const table = locale.readTable(TABLE_FILE);

before(async () => {
  const result = await generateCustomFunctionsMetadata(
    path.join(ROOT, "src/functions/functions.ts")
  );
  assert.deepEqual(result.errors, []);
  metadata = JSON.parse(result.metadataJson) as Metadata;
  ru = locale.localizeFunctionsMetadata(metadata, table);
});

describe("functions.json (generated from the JSDoc)", () => {
  test("has exactly the shipped ids, upper-case ASCII, in order", () => {
    assert.deepEqual(
      metadata.functions.map((f) => f.id),
      IDS
    );
    for (const fn of metadata.functions) {
      assert.match(fn.id, /^[A-Z][A-Z0-9_.]{2,}$/);
    }
  });

  test("optional arguments and ranges are declared as such", () => {
    const byId = new Map(metadata.functions.map((f) => [f.id, f]));
    const optional = (id: string): boolean[] =>
      (byId.get(id)?.parameters ?? []).map((p) => p.optional === true);
    assert.deepEqual(optional("DUE"), [false, false, true, true, true, true]);
    assert.deepEqual(
      byId.get("DUE")?.parameters.map((p) => p.name),
      ["step", "from", "quarters", "regulation", "level", "region"],
      "new arguments only after the old ones, so old calls keep working"
    );
    assert.equal(byId.get("DUE")?.parameters[3]?.dimensionality, "matrix");
    assert.deepEqual(optional("STATUS"), [false, true, true]);
    assert.deepEqual(optional("QUARTER"), [false, true]);
    assert.deepEqual(optional("AGE"), [false, false]);
    assert.equal(byId.get("QUARTER")?.parameters[1]?.dimensionality, "matrix");
    assert.equal(byId.get("STATUS")?.options?.volatile, true);
  });

  test("every wrapper is exported by functions.ts under the same lower-case name", async () => {
    Object.assign(globalThis, { CustomFunctions: globalThis.CustomFunctions ?? {} });
    const fns = (await import("../../src/functions/functions")) as Record<string, unknown>;
    for (const id of IDS) {
      assert.equal(typeof fns[id.toLowerCase()], "function", id);
    }
  });
});

describe("functions-ru.json (functions.json + functions.ru.json)", () => {
  test("covers every id with the same parameter count, order, types and options", () => {
    assert.deepEqual(
      ru.functions.map((f) => f.id),
      metadata.functions.map((f) => f.id)
    );
    metadata.functions.forEach((fn, i) => {
      const loc = ru.functions[i] as Fn;
      assert.equal(loc.parameters.length, fn.parameters.length, fn.id);
      assert.deepEqual(loc.options, fn.options, fn.id);
      assert.deepEqual(loc.result, fn.result, fn.id);
      fn.parameters.forEach((p, j) => {
        const lp = loc.parameters[j] as Param;
        assert.equal(lp.type, p.type, `${fn.id}(${p.name})`);
        assert.equal(lp.optional, p.optional, `${fn.id}(${p.name})`);
        assert.equal(lp.dimensionality, p.dimensionality, `${fn.id}(${p.name})`);
      });
    });
  });

  test("names and descriptions are Russian", () => {
    for (const fn of ru.functions) {
      assert.equal(fn.name, RU_NAMES[fn.id]);
      assert.match(fn.description ?? "", /[А-Яа-яЁё]/, fn.id);
      for (const p of fn.parameters) {
        assert.match(p.name, /^[а-яё_]+$/, `${fn.id}(${p.name})`);
        assert.match(p.description ?? "", /[А-Яа-яЁё]/, `${fn.id}(${p.name})`);
      }
    }
  });

  test("the table has no entry for a function that does not exist", () => {
    const keys = Object.keys(table).filter((k) => !k.startsWith("//"));
    assert.deepEqual(keys.sort(), [...IDS].sort());
  });

  test("a missing translation, a parameter mismatch and a bad name fail the build", () => {
    const without = { ...table };
    delete without.AGE;
    assert.throws(() => locale.localizeFunctionsMetadata(metadata, without), /AGE: no translation/);
    const extraParam = structuredClone(table) as Record<
      string,
      { parameters: Record<string, unknown> }
    >;
    (extraParam.GROUP as { parameters: Record<string, unknown> }).parameters.extra = {
      name: "лишний",
      description: "лишний",
    };
    assert.throws(
      () => locale.localizeFunctionsMetadata(metadata, extraParam),
      /GROUP: parameters are \(codes\)/
    );
    const badName = structuredClone(table) as Record<string, { name: string }>;
    (badName.DUE as { name: string }).name = "1СРОК";
    assert.throws(() => locale.localizeFunctionsMetadata(metadata, badName), /not a valid/);
    const unknown = { ...table, NOPE: { name: "НЕТ", description: "нет", parameters: {} } };
    assert.throws(() => locale.localizeFunctionsMetadata(metadata, unknown), /NOPE/);
  });

  test(
    "matches dist/functions-ru.json when a build exists",
    { skip: !existsSync(path.join(ROOT, "dist/functions-ru.json")) && "no dist/ build" },
    () => {
      const built = JSON.parse(
        readFileSync(path.join(ROOT, "dist/functions-ru.json"), "utf8")
      ) as Metadata;
      assert.deepEqual(
        built.functions.map((f) => [f.id, f.name, f.parameters.length]),
        ru.functions.map((f) => [f.id, f.name, f.parameters.length])
      );
    }
  );
});
