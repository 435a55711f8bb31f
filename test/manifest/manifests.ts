/**
 * What the manifest tests share: the offline validator (scripts/validate-manifest.js), the URL
 * rewrite (scripts/manifest-urls.js), both manifests parsed, and small helpers.
 */
import { createRequire } from "node:module";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
  parent: XmlElement | null;
}
export interface CheckResult {
  errors: string[];
  warnings: string[];
  root: XmlElement | null;
  kind: "shared" | "taskpane" | null;
}
export interface Validator {
  TOP_LEVEL_ORDER: string[];
  parseXml(xml: string): XmlElement;
  allElements(root: XmlElement): XmlElement[];
  checkManifest(xml: string, options?: { commandsSource?: string }): CheckResult;
  checkTopLevel(root: XmlElement): string[];
  checkResids(root: XmlElement): string[];
  checkSharedRuntime(root: XmlElement): string[];
  checkTaskpaneOnly(root: XmlElement): string[];
  manifestKind(root: XmlElement): "shared" | "taskpane";
  checkUrls(root: XmlElement): string[];
  checkOverrides(root: XmlElement): string[];
  ribbonFunctionNames(root: XmlElement): string[];
  xsdPath(): string;
  hasXmllint(): boolean;
  runXmllint(file: string, xsd?: string): { skipped: string } | { ok: boolean; output: string };
}
export interface ManifestUrls {
  DEV_URL: string;
  productionUrl(env?: Record<string, string | undefined>, explicit?: string): string;
  rewriteManifestUrls(content: string, to: string, from?: string): string;
}

const require = createRequire(__filename);
export const ROOT = path.resolve(__dirname, "../..");
export const validator = require("../../scripts/validate-manifest.js") as Validator;
export const urls = require("../../scripts/manifest-urls.js") as ManifestUrls;
export const commandsSource = readFileSync(path.join(ROOT, "src/commands/commands.ts"), "utf8");

/** A URL that is never a school's host: what the tests build and rewrite with. */
export const TEST_PROD_URL = "https://school.example.org/vshu/";

export const xsdAvailable = validator.hasXmllint() && existsSync(validator.xsdPath());
export const noXsd = xsdAvailable ? false : "xmllint or the manifest XSDs are not available";

/** One manifest file, read and parsed. */
export interface Manifest {
  file: string;
  xml: string;
  root: XmlElement;
  elements: XmlElement[];
  byName(name: string): XmlElement[];
}

export function loadManifest(file: string): Manifest {
  const xml = readFileSync(path.join(ROOT, file), "utf8");
  const root = validator.parseXml(xml);
  const elements = validator.allElements(root);
  return { file, xml, root, elements, byName: (n) => elements.filter((el) => el.name === n) };
}

export const SHARED = loadManifest("manifest.xml");
export const TASKPANE = loadManifest("manifest-taskpane.xml");
export const MANIFESTS = [SHARED, TASKPANE];

/** Every URL of a manifest: URL-valued DefaultValue and override Value attributes. */
export function manifestUrls(xml: string): string[] {
  return validator
    .allElements(validator.parseXml(xml))
    .flatMap((el) => [el.attrs.DefaultValue, el.attrs.Value])
    .filter((v): v is string => v !== undefined && /^[a-z]+:\/\//.test(v));
}

export function withTempManifest<T>(xml: string, fn: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), "vshu-manifest-"));
  try {
    const file = path.join(dir, "manifest.xml");
    writeFileSync(file, xml);
    return fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `xml` with `from` replaced; fails when the mutation does not apply. */
export function mutate(xml: string, from: string | RegExp, to: string): string {
  const out = xml.replace(from, to);
  if (out === xml) {
    throw new Error(`mutation ${String(from)} did not apply`);
  }
  return out;
}

/** The files webpack builds into dist/ (the rest of what a manifest names is committed). */
export const BUILT_FILES = new Set([
  "taskpane.html",
  "taskpane-only.html",
  "functions.js",
  "functions.json",
  "functions-ru.json",
]);
