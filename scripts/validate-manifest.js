#!/usr/bin/env node
// Offline validation of the XML add-in manifest (`npm run validate`).
//
// `office-addin-manifest validate` needs Microsoft's online service, so this script does:
// 1. XSD validation with xmllint against the vendored schemas (../shared/manifest-xsd, or the
//    folder in env VSHU_MANIFEST_XSD) when both xmllint and the schemas exist; otherwise a note
//    that the step is skipped;
// 2. structural checks the 2019 XSDs cannot do: every resid defined exactly once and of the
//    right kind, https URLs, top-level element order, overrides (bt:Override in resources, one
//    per locale, none for the DefaultLocale), ribbon functions registered in
//    src/commands/commands.ts, and by the manifest's kind:
//    - "shared" (manifest.xml: SharedRuntime, <Runtimes>, custom functions): one shared-runtime
//      resid used everywhere;
//    - "taskpane" (manifest-taskpane.xml, for Office 2016/2019): no shared runtime, no custom
//      functions, no code on the ribbon, no requirement above ExcelApi 1.1.
// The checks are exported so tests can run them on a string.
// Usage: node scripts/validate-manifest.js [manifest.xml …] (default: manifest.xml).
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const REPO_ROOT = path.resolve(__dirname, "..");
const XSD_FILE = "OfficeAppManifestV1_1.xsd";

/** Order of the OfficeApp children of a TaskPaneApp (OfficeAppManifestV1_1.xsd + docs). */
const TOP_LEVEL_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dictionary",
  "VersionOverrides",
  "ExtendedOverrides",
];

/** Which Resources section a resid must be defined in, by the element that references it. */
const RESOURCE_KIND_BY_ELEMENT = {
  "bt:Image": "bt:Images",
  Runtime: "bt:Urls",
  SourceLocation: "bt:Urls",
  FunctionFile: "bt:Urls",
  LearnMoreUrl: "bt:Urls",
  Label: "bt:ShortStrings",
  Title: "bt:ShortStrings",
  Namespace: "bt:ShortStrings",
  Description: "bt:LongStrings",
};
const RESOURCE_SECTIONS = ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"];
const MAX_RESID_LENGTH = 32;

// ---------------------------------------------------------------------------------------------
// A minimal XML parser: enough for a manifest (elements, attributes, text, comments, PIs).

/**
 * @typedef {{ name: string, attrs: Record<string, string>, children: XmlElement[],
 *             text: string, line: number, parent: XmlElement | null }} XmlElement
 */

function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e) => {
    if (e[0] === "#") {
      return String.fromCodePoint(
        e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
      );
    }
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e];
  });
}

/** Parse `xml` into its root element; throws an Error with a line number if malformed. */
function parseXml(xml) {
  const text = String(xml).replace(/^\uFEFF/, "");
  const lineAt = (index) => text.slice(0, index).split("\n").length;
  const tagRe =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  const attrRe = /([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  /** @type {XmlElement | null} */
  let root = null;
  /** @type {XmlElement[]} */
  const stack = [];
  let last = 0;
  let match;
  while ((match = tagRe.exec(text)) !== null) {
    const between = text.slice(last, match.index);
    if (between.includes("<")) {
      throw new Error(`line ${lineAt(last + between.indexOf("<"))}: malformed markup`);
    }
    const top = stack[stack.length - 1];
    if (top) {
      top.text += decodeEntities(between);
    } else if (between.trim() !== "") {
      throw new Error(`line ${lineAt(last)}: text outside the root element`);
    }
    last = tagRe.lastIndex;
    const [whole, cdata, closing, name, attrText, selfClosing] = match;
    if (name === undefined) {
      if (cdata !== undefined && top) {
        top.text += cdata;
      }
      if (whole.startsWith("<!--") && whole.slice(4, -3).includes("--")) {
        throw new Error(`line ${lineAt(match.index)}: "--" inside a comment`);
      }
      continue;
    }
    const line = lineAt(match.index);
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name) {
        throw new Error(
          `line ${line}: </${name}> does not close <${open ? open.name : "nothing"}>`
        );
      }
      continue;
    }
    /** @type {Record<string, string>} */
    const attrs = {};
    let a;
    attrRe.lastIndex = 0;
    while ((a = attrRe.exec(attrText)) !== null) {
      if (Object.prototype.hasOwnProperty.call(attrs, a[1])) {
        throw new Error(`line ${line}: duplicate attribute ${a[1]} on <${name}>`);
      }
      attrs[a[1]] = decodeEntities(a[2] !== undefined ? a[2] : a[3]);
    }
    /** @type {XmlElement} */
    const element = { name, attrs, children: [], text: "", line, parent: top || null };
    if (top) {
      top.children.push(element);
    } else if (root) {
      throw new Error(`line ${line}: a second root element <${name}>`);
    } else {
      root = element;
    }
    if (!selfClosing) {
      stack.push(element);
    }
  }
  if (text.slice(last).includes("<")) {
    throw new Error(`line ${lineAt(last)}: malformed markup`);
  }
  if (stack.length > 0) {
    const open = stack[stack.length - 1];
    throw new Error(`line ${open.line}: <${open.name}> is never closed`);
  }
  if (!root) {
    throw new Error("no root element");
  }
  return root;
}

/** Depth-first list of `root` and all its descendants. */
function allElements(root) {
  const out = [];
  const walk = (el) => {
    out.push(el);
    el.children.forEach(walk);
  };
  walk(root);
  return out;
}

const child = (el, name) => (el ? el.children.find((c) => c.name === name) : undefined);
const children = (el, name) => (el ? el.children.filter((c) => c.name === name) : []);

// ---------------------------------------------------------------------------------------------
// Structural checks. Each takes the parsed root and returns a list of error strings.

/** Resources: `{ id → [{ section, value, line }] }`. */
function collectResources(root) {
  const resources = child(child(root, "VersionOverrides"), "Resources");
  /** @type {Map<string, Array<{section: string, value: string, line: number}>>} */
  const byId = new Map();
  for (const section of RESOURCE_SECTIONS) {
    for (const sectionEl of children(resources, section)) {
      for (const item of sectionEl.children) {
        const id = item.attrs.id;
        if (id === undefined) {
          continue;
        }
        const list = byId.get(id) || [];
        list.push({ section, value: item.attrs.DefaultValue || "", line: item.line });
        byId.set(id, list);
      }
    }
  }
  return byId;
}

/** Every resid is defined exactly once, in the right section, and ≤ 32 characters. */
function checkResids(root) {
  const errors = [];
  const resources = collectResources(root);
  for (const [id, defs] of resources) {
    if (defs.length > 1) {
      errors.push(
        `resource "${id}" is defined ${defs.length} times (lines ${defs.map((d) => d.line).join(", ")})`
      );
    }
    if (id.length > MAX_RESID_LENGTH) {
      errors.push(`resource id "${id}" is longer than ${MAX_RESID_LENGTH} characters`);
    }
  }
  const used = new Set();
  for (const el of allElements(root)) {
    const resid = el.attrs.resid;
    if (resid === undefined) {
      continue;
    }
    used.add(resid);
    const defs = resources.get(resid);
    if (!defs) {
      errors.push(`line ${el.line}: <${el.name} resid="${resid}"> is not defined in <Resources>`);
      continue;
    }
    const expected = RESOURCE_KIND_BY_ELEMENT[el.name];
    if (expected && !defs.some((d) => d.section === expected)) {
      errors.push(
        `line ${el.line}: <${el.name} resid="${resid}"> must point to ${expected}, found in ${defs[0].section}`
      );
    }
  }
  return errors;
}

/** Resource ids defined but never referenced (a warning, not an error). */
function unusedResources(root) {
  const used = new Set(
    allElements(root)
      .map((el) => el.attrs.resid)
      .filter(Boolean)
  );
  return [...collectResources(root).keys()].filter((id) => !used.has(id));
}

/** The shared runtime: one long-lived Runtime whose resid is used by every page of the add-in. */
function checkSharedRuntime(root) {
  const errors = [];
  const elements = allElements(root);
  const sets = elements.filter((el) => el.name === "Set" && el.parent && el.parent.name === "Sets");
  if (!sets.some((s) => s.attrs.Name === "SharedRuntime")) {
    errors.push('<Requirements> lacks <Set Name="SharedRuntime" MinVersion="1.1"/>');
  }
  const runtimes = elements.filter((el) => el.name === "Runtime");
  if (runtimes.length !== 1) {
    errors.push(`expected exactly one <Runtime>, found ${runtimes.length}`);
    return errors;
  }
  const runtime = runtimes[0];
  const rid = runtime.attrs.resid;
  if (runtime.attrs.lifetime !== "long") {
    errors.push(`line ${runtime.line}: <Runtime> must have lifetime="long" (shared runtime)`);
  }
  const host = runtime.parent && runtime.parent.parent;
  if (!host || host.name !== "Host" || host.children[0] !== runtime.parent) {
    errors.push(`line ${runtime.line}: <Runtimes> must be the first child of <Host>`);
  }
  const uses = [];
  for (const el of elements) {
    if (el.name === "FunctionFile") {
      uses.push(["<FunctionFile>", el]);
    } else if (el.name === "SourceLocation" && el.parent && el.parent.name === "Page") {
      uses.push(["custom functions <Page><SourceLocation>", el]);
    } else if (
      el.name === "SourceLocation" &&
      el.parent &&
      el.parent.attrs["xsi:type"] === "ShowTaskpane"
    ) {
      uses.push(["ShowTaskpane <SourceLocation>", el]);
    }
  }
  for (const needed of ["<FunctionFile>", "custom functions <Page><SourceLocation>"]) {
    if (!uses.some(([what]) => what === needed)) {
      errors.push(`missing ${needed} (it must use resid "${rid}")`);
    }
  }
  for (const [what, el] of uses) {
    if (el.attrs.resid !== rid) {
      errors.push(
        `line ${el.line}: ${what} uses resid "${el.attrs.resid}", not the runtime's "${rid}"`
      );
    }
  }
  const runtimeUrl = (collectResources(root).get(rid) || [])[0];
  const defaultSource = child(child(root, "DefaultSettings"), "SourceLocation");
  if (runtimeUrl && defaultSource && defaultSource.attrs.DefaultValue !== runtimeUrl.value) {
    errors.push(
      `<DefaultSettings><SourceLocation> is ${defaultSource.attrs.DefaultValue}, but the runtime page ${rid} is ${runtimeUrl.value}`
    );
  }
  return errors;
}

/**
 * "shared" when the manifest asks for a shared runtime or declares custom functions (any one of
 * SharedRuntime, <Runtime>, a CustomFunctions extension point), else "taskpane".
 */
function manifestKind(root) {
  const elements = allElements(root);
  const shared = elements.some(
    (el) =>
      el.name === "Runtime" ||
      (el.name === "Set" && el.attrs.Name === "SharedRuntime") ||
      (el.name === "ExtensionPoint" && el.attrs["xsi:type"] === "CustomFunctions")
  );
  return shared ? "shared" : "taskpane";
}

/** The highest requirement a task-pane-only manifest may set: Office 2016 MSI has ExcelApi 1.1. */
const TASKPANE_ONLY_SETS = { ExcelApi: "1.1" };

/**
 * The task pane alone, for Excel without a shared runtime (Office 2016/2019): no <Runtimes>, no
 * custom functions, no FunctionFile or ExecuteFunction (a command would run in a second
 * runtime the pane cannot see), no requirement set beyond ExcelApi 1.1, and the ribbon button
 * opens the same page as DefaultSettings (a query string may pick the tab it opens on).
 */
function checkTaskpaneOnly(root) {
  const errors = [];
  const elements = allElements(root);
  for (const el of elements) {
    if (el.name === "Runtimes" || el.name === "Runtime") {
      errors.push(`line ${el.line}: <${el.name}> in a task-pane-only manifest (shared runtime)`);
    } else if (el.name === "ExtensionPoint" && el.attrs["xsi:type"] === "CustomFunctions") {
      errors.push(`line ${el.line}: custom functions in a task-pane-only manifest`);
    } else if (el.name === "FunctionFile") {
      errors.push(`line ${el.line}: <FunctionFile> in a task-pane-only manifest`);
    } else if (el.name === "Action" && el.attrs["xsi:type"] === "ExecuteFunction") {
      errors.push(`line ${el.line}: an ExecuteFunction button in a task-pane-only manifest`);
    }
  }
  const requirements = child(root, "Requirements");
  const sets = children(child(requirements, "Sets"), "Set");
  for (const set of sets) {
    const allowed = TASKPANE_ONLY_SETS[set.attrs.Name];
    if (allowed === undefined) {
      errors.push(
        `line ${set.line}: requirement set ${set.attrs.Name} hides the add-in from Office 2016`
      );
    } else if ((set.attrs.MinVersion || "1.1") !== allowed) {
      errors.push(
        `line ${set.line}: ${set.attrs.Name} ${set.attrs.MinVersion} hides the add-in from Office 2016 (${allowed} at most)`
      );
    }
  }
  const defaultSource = child(child(root, "DefaultSettings"), "SourceLocation");
  const resources = collectResources(root);
  for (const el of elements) {
    if (
      el.name === "SourceLocation" &&
      el.parent &&
      el.parent.attrs["xsi:type"] === "ShowTaskpane" &&
      defaultSource
    ) {
      const url = (resources.get(el.attrs.resid) || [])[0];
      // The same page; a query string may choose its tab («Документы»: ?tab=documents).
      if (url && url.value.split("?")[0] !== defaultSource.attrs.DefaultValue) {
        errors.push(
          `line ${el.line}: the ribbon opens ${url.value}, but <DefaultSettings> opens ${defaultSource.attrs.DefaultValue}`
        );
      }
    }
  }
  return errors;
}

/** Every URL-valued attribute is https. */
function checkUrls(root) {
  const errors = [];
  for (const el of allElements(root)) {
    const values = [];
    if (["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"].includes(el.name)) {
      values.push(el.attrs.DefaultValue);
    }
    if (el.name === "bt:Url" || el.name === "bt:Image") {
      values.push(el.attrs.DefaultValue);
    }
    if (
      (el.name === "bt:Override" || el.name === "Override") &&
      el.parent &&
      [
        "bt:Url",
        "bt:Image",
        "IconUrl",
        "HighResolutionIconUrl",
        "SupportUrl",
        "SourceLocation",
      ].includes(el.parent.name)
    ) {
      values.push(el.attrs.Value);
    }
    if (el.name === "AppDomain") {
      values.push(el.text.trim());
    }
    for (const value of values) {
      if (value !== undefined && !/^https:\/\/[^/\s]+/.test(value)) {
        errors.push(`line ${el.line}: <${el.name}> URL is not https: "${value}"`);
      }
    }
  }
  return errors;
}

/**
 * Localized values: inside <Resources> an override must be <bt:Override> (an unprefixed
 * <Override> there made the add-in fail to load, office-js issue #2464), top-level elements use
 * <Override>; each has a full locale tag (ru-ru) and a Value, one per locale per element, and
 * none is for the DefaultLocale ("if your default locale is en-us you cannot specify an
 * override for en-us as well", Microsoft's "Localization for Office Add-ins").
 */
function checkOverrides(root) {
  const errors = [];
  const defaultLocale = (child(root, "DefaultLocale") || { text: "" }).text.trim().toLowerCase();
  for (const el of allElements(root)) {
    if (el.name !== "Override" && el.name !== "bt:Override") {
      continue;
    }
    const parent = el.parent;
    const inResources = parent !== null && parent.name.startsWith("bt:");
    if (inResources && el.name !== "bt:Override") {
      errors.push(`line ${el.line}: <${parent.name}> needs <bt:Override>, not <${el.name}>`);
    }
    const locale = el.attrs.Locale || "";
    if (!/^[a-z]{2,3}-[a-z0-9]{2,8}$/i.test(locale)) {
      errors.push(`line ${el.line}: override Locale "${locale}" is not a full tag like "ru-ru"`);
    }
    if (!el.attrs.Value) {
      errors.push(`line ${el.line}: override without Value`);
    }
    const same = parent ? parent.children.filter((c) => c.name === el.name) : [];
    if (
      same.filter((c) => (c.attrs.Locale || "").toLowerCase() === locale.toLowerCase()).length > 1
    ) {
      errors.push(`line ${el.line}: two overrides for locale "${locale}" in <${parent.name}>`);
    }
    if (locale.toLowerCase() === defaultLocale) {
      errors.push(
        `line ${el.line}: override for the DefaultLocale ${locale}: put that value in DefaultValue`
      );
    }
  }
  return errors;
}

/** OfficeApp is a TaskPaneApp whose children come in the schema's order. */
function checkTopLevel(root) {
  const errors = [];
  if (root.name !== "OfficeApp") {
    return [`root element is <${root.name}>, expected <OfficeApp>`];
  }
  if (root.attrs["xsi:type"] !== "TaskPaneApp") {
    errors.push(`OfficeApp xsi:type is "${root.attrs["xsi:type"]}", expected "TaskPaneApp"`);
  }
  let lastIndex = -1;
  let lastName = "";
  for (const el of root.children) {
    const index = TOP_LEVEL_ORDER.indexOf(el.name);
    if (index === -1) {
      errors.push(`line ${el.line}: unknown top-level element <${el.name}>`);
      continue;
    }
    if (index <= lastIndex) {
      errors.push(`line ${el.line}: <${el.name}> must come before <${lastName}>`);
    }
    lastIndex = index;
    lastName = el.name;
  }
  for (const required of [
    "Id",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "DefaultSettings",
    "Permissions",
  ]) {
    if (!child(root, required)) {
      errors.push(`missing <${required}>`);
    }
  }
  const id = child(root, "Id");
  if (
    id &&
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id.text.trim())
  ) {
    errors.push(`<Id> is not a GUID: "${id.text.trim()}"`);
  }
  return errors;
}

/** The ExecuteFunction names declared in the manifest. */
function ribbonFunctionNames(root) {
  return allElements(root)
    .filter((el) => el.name === "FunctionName")
    .map((el) => el.text.trim());
}

/** Every ExecuteFunction name is registered with Office.actions.associate in `commandsSource`. */
function checkCommandsAssociated(root, commandsSource) {
  const associated = new Set(
    [...String(commandsSource).matchAll(/Office\.actions\.associate\(\s*["']([^"']+)["']/g)].map(
      (m) => m[1]
    )
  );
  return ribbonFunctionNames(root)
    .filter((name) => !associated.has(name))
    .map(
      (name) =>
        `ribbon function "${name}" is not registered with Office.actions.associate in src/commands/commands.ts`
    );
}

/**
 * All structural checks on a manifest string, those of its kind included.
 * @returns {{ errors: string[], warnings: string[], root: XmlElement | null,
 *             kind: "shared" | "taskpane" | null }}
 */
function checkManifest(xml, options = {}) {
  let root;
  try {
    root = parseXml(xml);
  } catch (err) {
    return {
      errors: [`not well-formed XML: ${err.message}`],
      warnings: [],
      root: null,
      kind: null,
    };
  }
  const kind = manifestKind(root);
  const errors = [
    ...checkTopLevel(root),
    ...checkResids(root),
    ...(kind === "shared" ? checkSharedRuntime(root) : checkTaskpaneOnly(root)),
    ...checkUrls(root),
    ...checkOverrides(root),
  ];
  if (options.commandsSource !== undefined) {
    errors.push(...checkCommandsAssociated(root, options.commandsSource));
  }
  const warnings = unusedResources(root).map((id) => `resource "${id}" is defined but never used`);
  return { errors, warnings, root, kind };
}

// ---------------------------------------------------------------------------------------------
// XSD step.

/** The vendored XSD folder: env VSHU_MANIFEST_XSD (folder or .xsd file) or ../shared/manifest-xsd. */
function xsdPath(env = process.env) {
  const configured = env.VSHU_MANIFEST_XSD;
  const base = configured
    ? path.resolve(configured)
    : path.resolve(REPO_ROOT, "..", "shared", "manifest-xsd");
  return base.endsWith(".xsd") ? base : path.join(base, XSD_FILE);
}

function hasXmllint() {
  const probe = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  return !probe.error && probe.status === 0;
}

/**
 * Validate `manifestFile` against the XSD with xmllint.
 * @returns {{ skipped: string } | { ok: boolean, output: string }}
 */
function runXmllint(manifestFile, xsdFile = xsdPath()) {
  if (!fs.existsSync(xsdFile)) {
    return {
      skipped: `XSD not found at ${xsdFile} (set VSHU_MANIFEST_XSD) / схема XSD не найдена`,
    };
  }
  if (!hasXmllint()) {
    return {
      skipped: "xmllint is not installed (apt-get install libxml2-utils) / xmllint не установлен",
    };
  }
  const result = spawnSync("xmllint", ["--noout", "--nonet", "--schema", xsdFile, manifestFile], {
    encoding: "utf8",
  });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() };
}

// ---------------------------------------------------------------------------------------------
// CLI.

/** Validates one manifest file; prints what it finds; returns true when it passes. */
function validateFile(manifestFile, commandsSource) {
  if (!fs.existsSync(manifestFile)) {
    console.error(`Файл манифеста не найден / manifest not found: ${manifestFile}`);
    return false;
  }
  const label = path.relative(process.cwd(), manifestFile) || manifestFile;
  let ok = true;
  const xsd = runXmllint(manifestFile);
  if ("skipped" in xsd) {
    console.log(`${label}: XSD: проверка пропущена / skipped: ${xsd.skipped}`);
  } else if (xsd.ok) {
    console.log(`${label}: XSD: OK (${path.relative(process.cwd(), xsdPath()) || xsdPath()})`);
  } else {
    ok = false;
    console.error(`${label}: XSD: ошибка / failed:\n${xsd.output}`);
  }
  const options = commandsSource !== undefined ? { commandsSource } : {};
  const { errors, warnings, kind } = checkManifest(fs.readFileSync(manifestFile, "utf8"), options);
  for (const warning of warnings) {
    console.warn(`${label}: warning: ${warning}`);
  }
  if (errors.length > 0) {
    ok = false;
    console.error(`${label}: структура: ошибки / structural errors (${errors.length}):`);
    for (const error of errors) {
      console.error(`  - ${error}`);
    }
  } else {
    const what =
      kind === "shared"
        ? "resids, shared runtime, https URLs, element order, overrides"
        : "resids, task pane only (no shared runtime, ExcelApi 1.1), https URLs, element order, overrides";
    console.log(`${label}: структура: OK / structure OK (${what})`);
  }
  return ok;
}

function main(argv) {
  const files = (argv.length > 0 ? argv : ["manifest.xml"]).map((f) => path.resolve(f));
  const commandsFile = path.join(REPO_ROOT, "src", "commands", "commands.ts");
  const commandsSource = fs.existsSync(commandsFile)
    ? fs.readFileSync(commandsFile, "utf8")
    : undefined;
  let failed = false;
  for (const file of files) {
    if (!validateFile(file, commandsSource)) {
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

module.exports = {
  TOP_LEVEL_ORDER,
  parseXml,
  allElements,
  collectResources,
  checkResids,
  unusedResources,
  checkSharedRuntime,
  manifestKind,
  checkTaskpaneOnly,
  checkUrls,
  checkOverrides,
  checkTopLevel,
  ribbonFunctionNames,
  checkCommandsAssociated,
  checkManifest,
  xsdPath,
  hasXmllint,
  runXmllint,
};

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
