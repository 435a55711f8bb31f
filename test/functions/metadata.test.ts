/**
 * The custom-function metadata, generated from src/functions/functions.ts with the same engine
 * as the webpack plugin (custom-functions-metadata), without running webpack; then localized
 * with src/functions/functions.ru.json the way the build makes functions-ru.json.
 */
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { existsSync, readFileSync, statSync } from "node:fs";
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
});

/** The manifest's namespace: DefaultValue and the ru-ru override of Functions.Namespace. */
function namespaces(manifestXml: string): { en: string; ru: string } {
  const match =
    /<bt:String id="Functions\.Namespace" DefaultValue="([^"]+)">\s*<bt:Override Locale="ru-ru" Value="([^"]+)"\/>/.exec(
      manifestXml
    );
  assert.ok(match, "Functions.Namespace with a ru-ru override");
  return { en: match[1] ?? "", ru: match[2] ?? "" };
}

const EN_DISPLAY = IDS.map((id) => `VSHU.${id}`);
const RU_DISPLAY = IDS.map((id) => `ВШУ.${RU_NAMES[id]}`);

describe("names in Excel: VSHU.GROUP in English, ВШУ.ГРУППА in Russian", () => {
  test("manifest.xml's namespace with the generated metadata", () => {
    const ns = namespaces(readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));
    assert.deepEqual(
      metadata.functions.map((f) => `${ns.en}.${f.name}`),
      EN_DISPLAY
    );
    assert.deepEqual(
      ru.functions.map((f) => `${ns.ru}.${f.name}`),
      RU_DISPLAY
    );
  });
});

const DIST = path.join(ROOT, "dist");
const SOURCES = [
  "manifest.xml",
  "src/functions/functions.ts",
  "src/functions/functions.ru.json",
  "scripts/functions-locale.js",
];
/** Skip without a build, or with one older than its sources (the gate always builds first). */
function distSkip(): false | string {
  if (!existsSync(path.join(DIST, "functions-ru.json"))) {
    return "no dist/: run `npm run build:check` first (the gate does)";
  }
  const builtAt = statSync(path.join(DIST, "functions-ru.json")).mtimeMs;
  const newer = SOURCES.filter((f) => statSync(path.join(ROOT, f)).mtimeMs > builtAt);
  return newer.length > 0 ? `dist/ is older than ${newer.join(", ")}: rebuild` : false;
}

describe(
  "the built add-in: dist/manifest.xml, functions.json, functions-ru.json",
  { skip: distSkip() },
  () => {
    const read = (name: string): string => readFileSync(path.join(DIST, name), "utf8");

    test("the built manifest points each language at a metadata file that was built", () => {
      const manifest = read("manifest.xml");
      const url =
        /<bt:Url id="Functions\.Metadata\.Url" DefaultValue="([^"]+)">\s*<bt:Override Locale="ru-ru" Value="([^"]+)"\/>/.exec(
          manifest
        );
      assert.ok(url, "Functions.Metadata.Url with a ru-ru override");
      const base = (url[1] ?? "").replace(/functions\.json$/, "");
      assert.equal(url[1], `${base}functions.json`);
      assert.equal(url[2], `${base}functions-ru.json`);
      for (const file of ["functions.json", "functions-ru.json"]) {
        assert.ok(existsSync(path.join(DIST, file)), file);
      }
    });

    test("English Excel shows VSHU.GROUP…, Russian Excel ВШУ.ГРУППА…", () => {
      const ns = namespaces(read("manifest.xml"));
      const en = JSON.parse(read("functions.json")) as Metadata;
      const ruBuilt = JSON.parse(read("functions-ru.json")) as Metadata;
      assert.deepEqual(
        en.functions.map((f) => `${ns.en}.${f.name}`),
        EN_DISPLAY
      );
      assert.deepEqual(
        ruBuilt.functions.map((f) => `${ns.ru}.${f.name}`),
        RU_DISPLAY
      );
      assert.deepEqual(
        ruBuilt.functions.map((f) => f.id),
        en.functions.map((f) => f.id),
        "the same ids in both languages"
      );
      en.functions.forEach((fn, i) => {
        // English prose (indicator codes such as «Р2» stay Cyrillic in both languages).
        assert.match(fn.description ?? "", /^[A-Z][a-z]+ [a-z]+/, `${fn.id}: English`);
        assert.notEqual(fn.description, ruBuilt.functions[i]?.description, fn.id);
      });
    });

    test("the built metadata equals what the sources generate", () => {
      const shape = (m: Metadata) => m.functions.map((f) => [f.id, f.name, f.parameters.length]);
      assert.deepEqual(shape(JSON.parse(read("functions.json")) as Metadata), shape(metadata));
      assert.deepEqual(shape(JSON.parse(read("functions-ru.json")) as Metadata), shape(ru));
    });
  }
);
