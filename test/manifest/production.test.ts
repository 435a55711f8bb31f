/**
 * The production build: VSHU_PROD_URL (or `--env prodUrl=`) is required, every localhost URL of
 * both manifests is rewritten, no source maps are published; and dist/ as the gate's
 * `npm run build:check` leaves it: both manifests, both pages (with the old-webview check).
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parse } from "acorn";
import {
  MANIFESTS,
  manifestUrls,
  noXsd,
  ROOT,
  TEST_PROD_URL,
  urls,
  validator,
  withTempManifest,
} from "./manifests";

const require = createRequire(__filename);

describe("the production URL", () => {
  test("is required: no VSHU_PROD_URL, no build", () => {
    assert.throws(() => urls.productionUrl({}), /Не задан адрес.*VSHU_PROD_URL/s);
    assert.throws(() => urls.productionUrl({ VSHU_PROD_URL: "  " }), /VSHU_PROD_URL/);
  });

  test("takes VSHU_PROD_URL or --env prodUrl (which wins) and adds the trailing slash", () => {
    assert.equal(
      urls.productionUrl({ VSHU_PROD_URL: "https://school.example.org/vshu" }),
      "https://school.example.org/vshu/"
    );
    assert.equal(
      urls.productionUrl({ VSHU_PROD_URL: "https://a.example.org/" }, "https://b.example.org/x"),
      "https://b.example.org/x/"
    );
  });

  test("must be a public https URL", () => {
    for (const bad of ["http://school.example.org/", "https://localhost:3000/", "school.ru/vshu"]) {
      assert.throws(() => urls.productionUrl({ VSHU_PROD_URL: bad }), /https/, bad);
    }
  });
});

describe("the production rewrite of both manifests", () => {
  for (const m of MANIFESTS) {
    test(`${m.file}: every URL, overrides included, moves to the production URL`, () => {
      const prod = urls.rewriteManifestUrls(m.xml, TEST_PROD_URL);
      const all = manifestUrls(prod);
      assert.equal(all.length, manifestUrls(m.xml).length);
      for (const url of all) {
        assert.ok(url.startsWith(TEST_PROD_URL), url);
      }
      assert.doesNotMatch(prod, /localhost|127\.0\.0\.1/);
      assert.deepEqual(validator.checkManifest(prod).errors, []);
    });

    test(`${m.file}: the production manifest passes the XSD`, { skip: noXsd }, () => {
      withTempManifest(urls.rewriteManifestUrls(m.xml, TEST_PROD_URL), (file) => {
        const result = validator.runXmllint(file);
        assert.ok(
          !("skipped" in result) && result.ok,
          "skipped" in result ? result.skipped : result.output
        );
      });
    });
  }

  test("replaces every occurrence, not only the first (the template's bug)", () => {
    const text = "a https://localhost:3000/x b https://localhost:3000/y";
    assert.equal(
      urls.rewriteManifestUrls(text, "https://p.example/"),
      "a https://p.example/x b https://p.example/y"
    );
  });
});

describe("webpack.config.js", () => {
  type Config = {
    devtool: string | false;
    plugins: Array<{ constructor: { name: string }; userOptions?: Record<string, unknown> }>;
  };
  const config = require("../../webpack.config.js") as (
    env: Record<string, unknown>,
    options: { mode: string }
  ) => Promise<Config>;
  let saved: string | undefined;

  before(() => {
    saved = process.env.VSHU_PROD_URL;
    delete process.env.VSHU_PROD_URL;
  });

  after(() => {
    if (saved !== undefined) {
      process.env.VSHU_PROD_URL = saved;
    }
  });

  const pages = (c: Config): Array<[unknown, unknown]> =>
    c.plugins
      .filter((p) => p.constructor.name === "HtmlWebpackPlugin")
      .map((p) => [p.userOptions?.filename, p.userOptions?.chunks]);

  test("a production build without VSHU_PROD_URL fails", async () => {
    await assert.rejects(config({ WEBPACK_BUILD: true }, { mode: "production" }), /VSHU_PROD_URL/);
  });

  test("production: no source maps; both pages, the task-pane-only one without functions; the commands' dialog", async () => {
    const prod = await config(
      { WEBPACK_BUILD: true, prodUrl: TEST_PROD_URL },
      { mode: "production" }
    );
    assert.equal(prod.devtool, false);
    assert.deepEqual(pages(prod), [
      ["taskpane.html", ["taskpane", "functions", "commands"]],
      ["dialog.html", ["dialog"]],
      ["taskpane-only.html", ["taskpane"]],
    ]);
  });

  test("development keeps source maps and needs no production URL", async () => {
    const dev = await config({ WEBPACK_BUILD: true }, { mode: "development" });
    assert.equal(dev.devtool, "source-map");
  });
});

const DIST = path.join(ROOT, "dist");
const built = existsSync(path.join(DIST, "manifest.xml"))
  ? false
  : "no dist/: run `npm run build:check` first (the gate does)";

describe("dist/ of the last production build", { skip: built }, () => {
  const read = (name: string): string => readFileSync(path.join(DIST, name), "utf8");
  const isDevBuild = (): boolean =>
    existsSync(path.join(DIST, "manifest.xml")) && read("manifest.xml").includes(urls.DEV_URL);

  /** A dist/ built before the manifest last changed says nothing about it. */
  const stale = (file: string): false | string =>
    existsSync(path.join(DIST, file)) &&
    statSync(path.join(DIST, file)).mtimeMs < statSync(path.join(ROOT, file)).mtimeMs
      ? `dist/${file} is older than ${file}: run \`npm run build:check\``
      : false;

  for (const m of MANIFESTS) {
    test(`${m.file}: rewritten, valid, nothing else changed`, { skip: stale(m.file) }, () => {
      const builtXml = read(m.file);
      if (isDevBuild()) {
        // A development build (npm run build:dev) keeps localhost on purpose.
        assert.equal(builtXml, m.xml);
        return;
      }
      assert.doesNotMatch(builtXml, /localhost/);
      const base = /<SourceLocation DefaultValue="(https:\/\/[^"]+\/)[^/"]+"/.exec(builtXml)?.[1];
      assert.ok(base, "the production base URL");
      assert.equal(builtXml, urls.rewriteManifestUrls(m.xml, base));
      assert.deepEqual(validator.checkManifest(builtXml).errors, []);
    });

    test(`${m.file}: the built file passes the XSD`, { skip: noXsd }, () => {
      const result = validator.runXmllint(path.join(DIST, m.file));
      assert.ok(!("skipped" in result) && result.ok, "skipped" in result ? "" : result.output);
    });
  }

  test("no source maps are published", { skip: isDevBuild() && "a development build" }, () => {
    const files = readdirSync(DIST);
    assert.deepEqual(
      files.filter((f) => f.endsWith(".map")),
      []
    );
    for (const js of files.filter((f) => f.endsWith(".js"))) {
      assert.doesNotMatch(read(js), /sourceMappingURL/, js);
    }
  });

  test("both pages load their bundles and keep the old-webview check (still ES5)", () => {
    const scripts = (html: string): string[] =>
      [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1] ?? "");
    const office = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
    assert.deepEqual(scripts(read("taskpane.html")), [
      office,
      "taskpane.js",
      "functions.js",
      "commands.js",
    ]);
    assert.deepEqual(scripts(read("taskpane-only.html")), [office, "taskpane.js"]);
    assert.deepEqual(scripts(read("dialog.html")), [office, "dialog.js"]);
    assert.match(read("dialog.html"), /<html lang="?ru"?>[\s\S]*Закрыть/);
    for (const page of ["taskpane.html", "taskpane-only.html"]) {
      const html = read(page);
      const check = /<script id="?vshu-webview-check"?>([\s\S]*?)<\/script>/.exec(html)?.[1];
      assert.ok(check, page);
      assert.doesNotThrow(() => parse(check, { ecmaVersion: 5 }), page);
      assert.match(html, /Microsoft Edge WebView2 Runtime/, page);
    }
  });
});
