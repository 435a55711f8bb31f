import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

interface Layers {
  findImports(source: string): Array<{ specifier: string; line: number }>;
  findClockReads(source: string): Array<{ what: string; line: number }>;
  checkLayers(srcDir?: string): string[];
}

const require = createRequire(import.meta.url);
const layers = require("../../scripts/check-layers.js") as Layers;

function withTree(files: Record<string, string>, fn: (srcDir: string) => void): void {
  const dir = mkdtempSync(path.join(tmpdir(), "vshu-layers-"));
  try {
    for (const [name, text] of Object.entries(files)) {
      const file = path.join(dir, "src", name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
    fn(path.join(dir, "src"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("check-layers", () => {
  test("finds imports, re-exports, import() and require(), not strings or comments", () => {
    const source = [
      'import a from "./a";',
      "import {",
      "  b,",
      '} from "../b";',
      'export * from "./c";',
      'const d = await import("./d");',
      'const e = require("./e");',
      '// import x from "nope";',
      "const s = \"import('nope')\";",
    ].join("\n");
    assert.deepEqual(
      layers.findImports(source).map((i) => `${i.line}:${i.specifier}`),
      ["1:./a", "4:../b", "5:./c", "6:./d", "7:./e"]
    );
  });

  test("finds clock reads but not dates built from values", () => {
    const source = [
      "const a = new Date();",
      "const b = new Date(2024, 0, 1);",
      "const c = Date.now();",
      "const d = new Date;",
      'const e = "Date.now()";',
    ].join("\n");
    assert.deepEqual(
      layers.findClockReads(source).map((c) => `${c.line}:${c.what}`),
      ["1:new Date()", "3:Date.now()", "4:new Date"]
    );
  });

  test("accepts a clean tree", () => {
    withTree(
      {
        "core/a.ts":
          'import { b } from "./sub/b";\nimport data from "./data.json";\nexport const a = [b, data];\n',
        "core/sub/b.ts": "export const b = new Date(Date.UTC(2024, 0, 1));\n",
        "excel/x.ts": 'import { a } from "../core/a";\nexport const x = a;\n',
        "cli/main.ts":
          'import { a } from "../core/a";\nimport fs from "node:fs";\nexport const m = [a, fs];\n',
      },
      (src) => assert.deepEqual(layers.checkLayers(src), [])
    );
  });

  test("reports every violation with file:line", () => {
    withTree(
      {
        "core/a.ts": [
          'import fs from "node:fs";',
          'import ExcelJS from "exceljs";',
          'import { x } from "../excel/x";',
          'import type { M } from "../cli/main";',
          "export const now = Date.now();",
        ].join("\n"),
        "excel/x.ts": 'import { m } from "../cli/main";\nexport const x = m;\n',
        "functions/f.ts": 'export { m } from "../cli/main";\n',
        "cli/main.ts": 'import { x } from "../excel/x";\nexport const m = x;\n',
      },
      (src) => {
        const found = layers.checkLayers(src).map((line) => line.replace(/^.*?src[\\/]/, ""));
        const where = found.map((line) => line.split(": ")[0]?.replace(/\\/g, "/"));
        assert.deepEqual(where, [
          "core/a.ts:1",
          "core/a.ts:2",
          "core/a.ts:3",
          "core/a.ts:4",
          "core/a.ts:5",
          "excel/x.ts:1",
          "functions/f.ts:1",
          "cli/main.ts:1",
        ]);
      }
    );
  });

  test("src/csv: papaparse and src/core only; the CLI and the add-in may use it", () => {
    withTree(
      {
        "core/a.ts": "export const a = 1;\n",
        "csv/p.ts":
          'import Papa from "papaparse";\nimport { a } from "../core/a";\nexport const p = [Papa, a];\n',
        "csv/q.ts": [
          'import fs from "node:fs";',
          'import { m } from "../cli/main";',
          'import { x } from "../excel/x";',
          'import ExcelJS from "exceljs";',
          "export const q = [fs, m, x, ExcelJS, Date.now()];",
        ].join("\n"),
        "cli/main.ts": 'import { p } from "../csv/p";\nexport const m = p;\n',
        "taskpane/t.ts": 'import { p } from "../csv/p";\nexport const t = p;\n',
        "excel/x.ts": "export const x = 1;\n",
      },
      (src) => {
        const found = layers.checkLayers(src).map((line) => line.replace(/^.*?src[\\/]/, ""));
        const where = found.map((line) => line.split(": ")[0]?.replace(/\\/g, "/"));
        assert.deepEqual(where, [
          "csv/q.ts:1",
          "csv/q.ts:2",
          "csv/q.ts:3",
          "csv/q.ts:4",
          "csv/q.ts:5",
        ]);
      }
    );
  });
});
