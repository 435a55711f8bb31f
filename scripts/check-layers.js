#!/usr/bin/env node
// Layer check (`npm run check:layers`, after `tsc -p tsconfig.core.json`):
// - src/core imports only relative modules inside src/core (or .json files there): no packages,
//   no node:*, no ../excel, ../cli, …; and never reads the clock (`new Date()`, `Date.now()`);
// - the add-in (src/excel, src/taskpane, src/functions, src/commands) never imports src/cli;
// - src/cli never imports the add-in;
// - src/csv (CSV parsing shared by the CLI and the add-in) imports only papaparse, src/core and
//   itself: no Node, no DOM, no Office, and never the CLI or the add-in; it never reads the clock.
// Exits 1 listing file:line for every violation. The check functions are exported for tests.
"use strict";

const fs = require("fs");
const path = require("path");
const ts = require("typescript");

const REPO_ROOT = path.resolve(__dirname, "..");
const ADDIN_LAYERS = ["excel", "taskpane", "functions", "commands"];
const SOURCE_EXT = /\.(ts|tsx|mts|cts)$/;
/** Packages src/csv may import (papaparse's typings pull in Node's, so it cannot live in core). */
const CSV_PACKAGES = ["papaparse"];

/** Every module specifier in `source` (imports, re-exports, import(), require()): `{ specifier, line }`. */
function findImports(source) {
  const info = ts.preProcessFile(source, true, true);
  return info.importedFiles.map((ref) => ({
    specifier: ref.fileName,
    line: source.slice(0, ref.pos).split("\n").length,
  }));
}

/** Clock reads in `source` (`new Date()`, `new Date`, `Date.now()`): `{ what, line }`. */
function findClockReads(source, fileName = "x.ts") {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const out = [];
  const isDate = (node) => ts.isIdentifier(node) && node.text === "Date";
  const visit = (node) => {
    if (
      ts.isNewExpression(node) &&
      isDate(node.expression) &&
      (!node.arguments || node.arguments.length === 0)
    ) {
      out.push({ what: node.arguments ? "new Date()" : "new Date", line: lineOf(sf, node) });
    } else if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      isDate(node.expression.expression) &&
      node.expression.name.text === "now"
    ) {
      out.push({ what: "Date.now()", line: lineOf(sf, node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function lineOf(sf, node) {
  return sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
}

const isInside = (dir, file) => {
  const rel = path.relative(dir, file);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
};

/**
 * Violations of the core rules in one file.
 * @param {string} file absolute path of a file under `srcDir`/core
 * @param {string} source its text
 * @param {string} srcDir absolute path of src/
 */
function checkCoreFile(file, source, srcDir) {
  const coreDir = path.join(srcDir, "core");
  const problems = [];
  for (const { specifier, line } of findImports(source)) {
    if (!specifier.startsWith("./") && !specifier.startsWith("../")) {
      problems.push({
        line,
        message: `core imports "${specifier}": only relative imports inside src/core are allowed`,
      });
      continue;
    }
    const target = path.resolve(path.dirname(file), specifier);
    if (!isInside(coreDir, target)) {
      problems.push({ line, message: `core imports "${specifier}", which is outside src/core` });
      continue;
    }
    const ext = path.extname(specifier);
    if (ext !== "" && ext !== ".json" && ext !== ".js" && ext !== ".ts") {
      problems.push({
        line,
        message: `core imports "${specifier}": only TypeScript modules and .json files`,
      });
    }
  }
  for (const { what, line } of findClockReads(source)) {
    problems.push({
      line,
      message: `core reads the clock (${what}); pass "today" in as a parameter`,
    });
  }
  return problems;
}

/** Violations of the rules of src/csv (see the header) in one file. */
function checkCsvFile(file, source, srcDir) {
  const allowed = [path.join(srcDir, "core"), path.join(srcDir, "csv")];
  const problems = [];
  for (const { specifier, line } of findImports(source)) {
    if (!specifier.startsWith("./") && !specifier.startsWith("../")) {
      if (!CSV_PACKAGES.includes(specifier)) {
        problems.push({
          line,
          message: `src/csv imports "${specifier}": only ${CSV_PACKAGES.join(", ")}, src/core and src/csv`,
        });
      }
      continue;
    }
    const target = path.resolve(path.dirname(file), specifier);
    if (!allowed.some((dir) => isInside(dir, target))) {
      problems.push({
        line,
        message: `src/csv imports "${specifier}", outside src/core and src/csv`,
      });
    }
  }
  for (const { what, line } of findClockReads(source)) {
    problems.push({ line, message: `src/csv reads the clock (${what})` });
  }
  return problems;
}

/** Violations of the add-in ⇄ CLI separation in one file outside src/core. */
function checkAppFile(file, source, srcDir) {
  const layer = path.relative(srcDir, file).split(path.sep)[0];
  const forbidden = layer === "cli" ? ADDIN_LAYERS : ADDIN_LAYERS.includes(layer) ? ["cli"] : [];
  const problems = [];
  for (const { specifier, line } of findImports(source)) {
    if (!specifier.startsWith(".")) {
      continue;
    }
    const target = path.resolve(path.dirname(file), specifier);
    const hit = forbidden.find((f) => isInside(path.join(srcDir, f), target));
    if (hit) {
      problems.push({ line, message: `src/${layer} must not import src/${hit} ("${specifier}")` });
    }
  }
  return problems;
}

function listSources(dir) {
  if (!fs.existsSync(dir)) {
    return [];
  }
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      out.push(...listSources(full));
    } else if (SOURCE_EXT.test(entry.name)) {
      out.push(full);
    }
  }
  return out.sort();
}

/** All violations under `srcDir`, as "file:line: message" strings. */
function checkLayers(srcDir = path.join(REPO_ROOT, "src")) {
  const lines = [];
  const report = (file, problems) => {
    for (const p of problems) {
      lines.push(`${path.relative(process.cwd(), file)}:${p.line}: ${p.message}`);
    }
  };
  for (const file of listSources(path.join(srcDir, "core"))) {
    report(file, checkCoreFile(file, fs.readFileSync(file, "utf8"), srcDir));
  }
  for (const file of listSources(path.join(srcDir, "csv"))) {
    report(file, checkCsvFile(file, fs.readFileSync(file, "utf8"), srcDir));
  }
  for (const layer of [...ADDIN_LAYERS, "cli"]) {
    for (const file of listSources(path.join(srcDir, layer))) {
      report(file, checkAppFile(file, fs.readFileSync(file, "utf8"), srcDir));
    }
  }
  return lines;
}

module.exports = {
  findImports,
  findClockReads,
  checkCoreFile,
  checkAppFile,
  checkCsvFile,
  checkLayers,
};

if (require.main === module) {
  const violations = checkLayers();
  if (violations.length > 0) {
    console.error(`Layer check failed / нарушены границы слоёв (${violations.length}):`);
    for (const v of violations) {
      console.error(`  ${v}`);
    }
    process.exitCode = 1;
  } else {
    console.log("Layer check OK: src/core is pure; add-in and CLI do not import each other.");
  }
}
