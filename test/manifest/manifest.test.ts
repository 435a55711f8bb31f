import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
  parent: XmlElement | null;
}
interface CheckResult {
  errors: string[];
  warnings: string[];
  root: XmlElement | null;
}
interface Validator {
  TOP_LEVEL_ORDER: string[];
  parseXml(xml: string): XmlElement;
  allElements(root: XmlElement): XmlElement[];
  checkManifest(xml: string, options?: { commandsSource?: string }): CheckResult;
  checkTopLevel(root: XmlElement): string[];
  checkResids(root: XmlElement): string[];
  checkSharedRuntime(root: XmlElement): string[];
  checkUrls(root: XmlElement): string[];
  checkOverrides(root: XmlElement): string[];
  ribbonFunctionNames(root: XmlElement): string[];
  xsdPath(): string;
  hasXmllint(): boolean;
  runXmllint(file: string, xsd?: string): { skipped: string } | { ok: boolean; output: string };
}
interface ManifestUrls {
  DEV_URL: string;
  DEFAULT_PROD_URL: string;
  productionUrl(env?: Record<string, string | undefined>): string;
  rewriteManifestUrls(content: string, to: string, from?: string): string;
}

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(require.resolve("../../package.json")));
const validator = require("../../scripts/validate-manifest.js") as Validator;
const urls = require("../../scripts/manifest-urls.js") as ManifestUrls;

const manifestXml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const commandsSource = readFileSync(path.join(ROOT, "src/commands/commands.ts"), "utf8");
const root = validator.parseXml(manifestXml);
const elements = validator.allElements(root);
const byName = (name: string): XmlElement[] => elements.filter((el) => el.name === name);

const xsdAvailable = validator.hasXmllint() && existsSync(validator.xsdPath());
const noXsd = xsdAvailable ? false : "xmllint or the manifest XSDs are not available";

/** Every URL of a manifest: URL-valued DefaultValue and override Value attributes. */
function manifestUrls(xml: string): string[] {
  return validator
    .allElements(validator.parseXml(xml))
    .flatMap((el) => [el.attrs.DefaultValue, el.attrs.Value])
    .filter((v): v is string => v !== undefined && /^[a-z]+:\/\//.test(v));
}

function withTempManifest<T>(xml: string, fn: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), "vshu-manifest-"));
  try {
    const file = path.join(dir, "manifest.xml");
    writeFileSync(file, xml);
    return fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("manifest.xml", () => {
  test("passes every structural check, commands included", () => {
    const { errors } = validator.checkManifest(manifestXml, { commandsSource });
    assert.deepEqual(errors, []);
  });

  test("top-level elements are in schema order (Id before Version …)", () => {
    assert.deepEqual(validator.checkTopLevel(root), []);
    const names = root.children.map((el) => el.name);
    assert.ok(names.indexOf("Id") < names.indexOf("Version"));
    assert.ok(names.indexOf("DefaultSettings") < names.indexOf("Permissions"));
    assert.equal(names.at(-1), "VersionOverrides");
  });

  test("passes the XSD", { skip: noXsd }, () => {
    const result = validator.runXmllint(path.join(ROOT, "manifest.xml"));
    assert.ok(!("skipped" in result));
    assert.ok(result.ok, result.output);
  });

  test("every resid is defined exactly once", () => {
    assert.deepEqual(validator.checkResids(root), []);
  });

  test("one runtime resid (Taskpane.Url) for runtime, page, function file and task pane", () => {
    assert.deepEqual(validator.checkSharedRuntime(root), []);
    const runtimes = byName("Runtime");
    assert.equal(runtimes.length, 1);
    assert.equal(runtimes[0]?.attrs.resid, "Taskpane.Url");
    assert.equal(runtimes[0]?.attrs.lifetime, "long");
    const users = elements.filter(
      (el) =>
        el.name === "FunctionFile" ||
        (el.name === "SourceLocation" &&
          (el.parent?.name === "Page" || el.parent?.attrs["xsi:type"] === "ShowTaskpane"))
    );
    assert.equal(users.length, 3);
    for (const el of users) {
      assert.equal(el.attrs.resid, "Taskpane.Url", `line ${el.line}`);
    }
  });

  test("all URLs are https", () => {
    assert.deepEqual(validator.checkUrls(root), []);
  });

  test("is Russian: locale, display name, ribbon labels", () => {
    assert.equal(byName("DefaultLocale")[0]?.text, "ru-RU");
    assert.equal(byName("DisplayName")[0]?.attrs.DefaultValue, "ВШУ — внутришкольный учёт");
    const strings = new Map(
      byName("bt:String").map((el) => [el.attrs.id ?? "", el.attrs.DefaultValue ?? ""])
    );
    assert.equal(strings.get("Group.Label"), "ВШУ");
    assert.equal(strings.get("TaskpaneButton.Label"), "Учёт и сроки");
    assert.equal(strings.get("ReportButton.Label"), "Отчёт");
    assert.equal(strings.get("RefreshButton.Label"), "Обновить сроки");
    assert.equal(strings.get("Functions.Namespace"), "VSHU");
  });

  test("ribbon functions are exactly the ones commands.ts registers", () => {
    assert.deepEqual(validator.ribbonFunctionNames(root).sort(), [
      "buildReport",
      "refreshDeadlines",
    ]);
  });

  test("the Russian metadata: bt:Override ru-ru on the metadata URL → functions-ru.json", () => {
    assert.deepEqual(validator.checkOverrides(root), []);
    const metadataUrl = byName("bt:Url").find((el) => el.attrs.id === "Functions.Metadata.Url");
    assert.ok(metadataUrl);
    assert.equal(metadataUrl.attrs.DefaultValue, `${urls.DEV_URL}functions.json`);
    assert.deepEqual(
      metadataUrl.children.map((el) => [el.name, el.attrs.Locale, el.attrs.Value]),
      [["bt:Override", "ru-ru", `${urls.DEV_URL}functions-ru.json`]]
    );
    const source = byName("SourceLocation").find((el) => el.parent?.name === "Metadata");
    assert.equal(source?.attrs.resid, "Functions.Metadata.Url");
    // The namespace stays ASCII in every language (see the comment in manifest.xml).
    const namespace = byName("bt:String").find((el) => el.attrs.id === "Functions.Namespace");
    assert.equal(namespace?.children.length, 0);
    // No other override anywhere: the manifest's own strings are Russian by default (ru-RU).
    assert.equal(byName("bt:Override").length + byName("Override").length, 1);
  });

  test("labels and tooltips are Russian", () => {
    for (const el of byName("bt:String")) {
      if (el.attrs.id !== "Functions.Namespace") {
        assert.match(el.attrs.DefaultValue ?? "", /[А-Яа-яЁё]/, el.attrs.id);
      }
    }
    assert.match(byName("Description")[0]?.attrs.DefaultValue ?? "", /[А-Яа-яЁё]/);
  });

  test("icons: 16, 32 and 80 px on the ribbon, 32 and 64 px for the add-in", () => {
    const images = byName("bt:Image").filter((el) => el.attrs.id !== undefined);
    assert.deepEqual(
      images.map((el) => el.attrs.DefaultValue?.slice(urls.DEV_URL.length)),
      ["assets/icon-16.png", "assets/icon-32.png", "assets/icon-80.png"]
    );
    assert.equal(byName("IconUrl")[0]?.attrs.DefaultValue, `${urls.DEV_URL}assets/icon-32.png`);
    assert.equal(
      byName("HighResolutionIconUrl")[0]?.attrs.DefaultValue,
      `${urls.DEV_URL}assets/icon-64.png`
    );
  });

  test("development: every URL is on https://localhost:3000/", () => {
    const all = manifestUrls(manifestXml);
    assert.ok(all.length >= 10, `${all.length} URLs`);
    for (const url of all) {
      assert.ok(url.startsWith(urls.DEV_URL), url);
    }
  });

  test("every file the manifest points to is built or committed", () => {
    const built = new Set(["taskpane.html", "functions.js", "functions.json", "functions-ru.json"]);
    const targets = elements
      .flatMap((el) => [el.attrs.DefaultValue ?? "", el.attrs.Value ?? ""])
      .filter((value) => value.startsWith(urls.DEV_URL))
      .map((value) => value.slice(urls.DEV_URL.length));
    assert.ok(targets.length > 0);
    for (const target of targets) {
      assert.ok(built.has(target) || existsSync(path.join(ROOT, target)), target);
    }
  });
});

describe("production URL rewrite", () => {
  test("production: every URL, the ru-ru override included, is on the production URL", () => {
    const prodUrl = "https://school.example.org/vshu/";
    const prod = urls.rewriteManifestUrls(manifestXml, prodUrl);
    const all = manifestUrls(prod);
    assert.equal(all.length, manifestUrls(manifestXml).length);
    for (const url of all) {
      assert.ok(url.startsWith(prodUrl), url);
    }
    assert.ok(all.includes(`${prodUrl}functions-ru.json`));
    assert.doesNotMatch(prod, /localhost|127\.0\.0\.1/);
  });

  test("the production manifest passes the XSD", { skip: noXsd }, () => {
    const prod = urls.rewriteManifestUrls(manifestXml, urls.productionUrl({}));
    withTempManifest(prod, (file) => {
      const result = validator.runXmllint(file);
      assert.ok(
        !("skipped" in result) && result.ok,
        "skipped" in result ? result.skipped : result.output
      );
    });
  });

  test(
    "dist/manifest.xml of the last production build has no localhost",
    { skip: !existsSync(path.join(ROOT, "dist/manifest.xml")) && "no build in dist/" },
    () => {
      const built = readFileSync(path.join(ROOT, "dist/manifest.xml"), "utf8");
      if (built.includes(urls.DEV_URL)) {
        // A development build (npm run build:dev) keeps localhost on purpose.
        assert.equal(built, manifestXml);
        return;
      }
      assert.doesNotMatch(built, /localhost/);
      assert.match(
        built,
        /<bt:Override Locale="ru-ru" Value="https:\/\/[^"]+\/functions-ru\.json"\/>/
      );
      assert.deepEqual(validator.checkManifest(built).errors, []);
    }
  );

  test("leaves no localhost in the production manifest", () => {
    const prod = urls.rewriteManifestUrls(manifestXml, urls.productionUrl({}));
    assert.doesNotMatch(prod, /localhost/);
    const count = manifestXml.split(urls.DEV_URL).length - 1;
    assert.ok(count > 2, "the manifest has several dev URLs");
    assert.equal(prod.split(urls.DEFAULT_PROD_URL).length - 1, count);
    assert.deepEqual(validator.checkManifest(prod).errors, []);
  });

  test("takes VSHU_PROD_URL and adds the trailing slash", () => {
    assert.equal(urls.productionUrl({}), "https://vshu.example.ru/addin/");
    assert.equal(
      urls.productionUrl({ VSHU_PROD_URL: "https://school.example.org/vshu" }),
      "https://school.example.org/vshu/"
    );
    assert.throws(() => urls.productionUrl({ VSHU_PROD_URL: "http://school.example.org/" }));
    assert.throws(() => urls.productionUrl({ VSHU_PROD_URL: "https://localhost:3000/" }));
  });

  test("replaces every occurrence, not only the first (the template's bug)", () => {
    const text = "a https://localhost:3000/x b https://localhost:3000/y";
    assert.equal(
      urls.rewriteManifestUrls(text, "https://p.example/"),
      "a https://p.example/x b https://p.example/y"
    );
  });
});

describe("the validator catches broken manifests", () => {
  test("overrides: unprefixed in resources, a short locale, a locale twice", () => {
    const override =
      '<bt:Override Locale="ru-ru" Value="https://localhost:3000/functions-ru.json"/>';
    const check = (xml: string): string[] => validator.checkManifest(xml).errors;
    const unprefixed = manifestXml.replace(
      override,
      '<Override Locale="ru-ru" Value="https://localhost:3000/functions-ru.json"/>'
    );
    assert.notEqual(unprefixed, manifestXml);
    assert.ok(check(unprefixed).some((e) => e.includes("needs <bt:Override>")));
    const shortLocale = manifestXml.replace(override, override.replace("ru-ru", "ru"));
    assert.ok(check(shortLocale).some((e) => e.includes('Locale "ru"')));
    const twice = manifestXml.replace(override, override + override);
    assert.ok(check(twice).some((e) => e.includes('two overrides for locale "ru-ru"')));
    const http = manifestXml.replace(override, override.replace("https:", "http:"));
    assert.ok(check(http).some((e) => e.includes("not https")));
  });

  test("the override in a wrong place fails the XSD", { skip: noXsd }, () => {
    const misplaced = manifestXml.replace(
      '<bt:String id="Group.Label" DefaultValue="ВШУ"/>',
      '<bt:String id="Group.Label" DefaultValue="ВШУ"><Override Locale="ru-ru" Value="ВШУ"/></bt:String>'
    );
    assert.notEqual(misplaced, manifestXml);
    withTempManifest(misplaced, (file) => {
      const result = validator.runXmllint(file);
      assert.ok(!("skipped" in result) && !result.ok);
    });
  });

  const mutate = (from: string | RegExp, to: string): string => {
    const out = manifestXml.replace(from, to);
    assert.notEqual(out, manifestXml, `mutation ${String(from)} did not apply`);
    return out;
  };
  const swapped = (): string =>
    mutate(/(<Id>[^<]*<\/Id>)(\s*)(<Version>[^<]*<\/Version>)/, "$3$2$1");

  test("Version before Id", () => {
    const { errors } = validator.checkManifest(swapped());
    assert.ok(
      errors.some((e) => e.includes("<Id> must come before <Version>")),
      errors.join("\n")
    );
  });

  test("Version before Id fails the XSD too", { skip: noXsd }, () => {
    withTempManifest(swapped(), (file) => {
      const result = validator.runXmllint(file);
      assert.ok(!("skipped" in result) && !result.ok);
    });
  });

  test("an undefined and a duplicated resid", () => {
    const undefinedResid = mutate('<Label resid="Group.Label"/>', '<Label resid="Missing.Label"/>');
    assert.ok(
      validator.checkManifest(undefinedResid).errors.some((e) => e.includes("Missing.Label"))
    );
    const duplicate = mutate(
      '<bt:String id="Group.Label"',
      '<bt:String id="ReportButton.Label" DefaultValue="x"/><bt:String id="Group.Label"'
    );
    assert.ok(validator.checkManifest(duplicate).errors.some((e) => e.includes("defined 2 times")));
  });

  test("a second runtime resid", () => {
    const { errors } = validator.checkManifest(
      mutate('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Functions.Script.Url"/>')
    );
    assert.ok(
      errors.some((e) => e.includes("<FunctionFile>")),
      errors.join("\n")
    );
  });

  test("an http URL, malformed XML, an unregistered ribbon function", () => {
    const http = mutate(
      "https://localhost:3000/functions.js",
      "http://localhost:3000/functions.js"
    );
    assert.ok(validator.checkManifest(http).errors.some((e) => e.includes("not https")));
    const broken = mutate("</Hosts>\n    <Resources>", "</Host>\n    <Resources>");
    assert.match(validator.checkManifest(broken).errors[0] ?? "", /not well-formed/);
    const { errors } = validator.checkManifest(manifestXml, {
      commandsSource: 'Office.actions.associate("buildReport", f);',
    });
    assert.ok(
      errors.some((e) => e.includes('"refreshDeadlines"')),
      errors.join("\n")
    );
  });
});
