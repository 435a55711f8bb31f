/**
 * The e2e harness: builds the host page (webpack.e2e.config.js), serves it from 127.0.0.1 on a
 * free port, launches Debian's Chromium headless with playwright-core, and opens the pane with
 * office.js stubbed (the CDN is never contacted). No Chromium → a clear failure, never a skip.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { createRequire } from "node:module";
import assert from "node:assert/strict";
import { after, before } from "node:test";
import { chromium, type Browser, type Page } from "playwright-core";

const require = createRequire(import.meta.url);

export const CHROMIUM = process.env.VSHU_CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** What the CDN script becomes: an `Office` whose host is Excel and that is ready at once. */
export const OFFICE_STUB = `window.Office = {
  HostType: { Excel: "Excel" },
  onReady: function (cb) {
    var info = { host: "Excel", platform: "PC" };
    return Promise.resolve().then(function () { if (cb) { cb(info); } return info; });
  }
};`;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
};

export function assertChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: the task pane's e2e tests need it. ` +
        "Install Debian's package: apt-get install -y --no-install-recommends chromium " +
        "(or set VSHU_CHROMIUM to a Chromium binary)."
    );
  }
}

/** Runs one webpack build; fails with webpack's errors. */
export async function runWebpack(config: object): Promise<void> {
  const webpack = require("webpack") as typeof import("webpack");
  await new Promise<void>((done, fail) => {
    webpack(config as import("webpack").Configuration, (err, stats) => {
      if (err) {
        fail(err);
      } else if (stats?.hasErrors()) {
        fail(new Error(stats.toString({ all: false, errors: true })));
      } else {
        done();
      }
    });
  });
}

/** Builds the e2e host page (or only the office.js stub) into a new temporary folder. */
export async function buildHost(
  mode: "development" | "production" = "development",
  stubOnly = false
): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), "vshu-e2e-"));
  const config = require("./webpack.e2e.config.js") as (o: {
    outDir: string;
    mode: string;
    stubOnly: boolean;
  }) => object;
  await runWebpack(config({ outDir, mode, stubOnly }));
  return outDir;
}

/** Serves a folder on 127.0.0.1 (a free port). */
export async function serve(dir: string): Promise<{ server: Server; base: string }> {
  const rootDir = resolve(dir);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = normalize(join(rootDir, path === "/" ? "taskpane.html" : path));
    if (!file.startsWith(rootDir)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) =>
        res
          .writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" })
          .end(body),
      () => res.writeHead(404).end()
    );
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return { server, base: `http://127.0.0.1:${port}` };
}

export async function launch(): Promise<Browser> {
  assertChromium();
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export interface Pane {
  readonly page: Page;
  /** Uncaught errors of the page so far. */
  readonly errors: string[];
}

/** Opens the pane 350 px wide, office.js stubbed, every other outside request refused. */
export async function openPane(
  browser: Browser,
  base: string,
  query = "",
  height = 900
): Promise<Pane> {
  const page = await browser.newPage({ viewport: { width: 350, height }, locale: "ru-RU" });
  // Generous: the machine running the tests may be busy (no timing is asserted here).
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("https://appsforoffice.microsoft.com/")) {
      return route.fulfill({ contentType: "text/javascript", body: OFFICE_STUB });
    }
    return url.startsWith(base) ? route.continue() : route.abort();
  });
  await page.goto(`${base}/taskpane.html${query}`, { timeout: 90_000 });
  // Ready: the register is read (the «Случай» form is there) or its creation is offered.
  await page
    .locator('input[name="lastName"]')
    .or(page.getByRole("button", { name: "Создать книгу учёта" }))
    .first()
    .waitFor();
  return { page, errors };
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** What a suite's tests use of the host `hostForSuite` sets up (read inside tests only). */
export interface SuiteHost {
  readonly browser: Browser;
  /** http://127.0.0.1:port serving `dir`. */
  readonly base: string;
  /** The built folder. */
  readonly dir: string;
}

/**
 * Sets up a suite's host: before its tests one headless Chromium and the folder `build` makes
 * (the e2e host page by default) served on 127.0.0.1; after them, all closed and removed.
 */
export function hostForSuite(build: () => Promise<string> = () => buildHost()): SuiteHost {
  let browser: Browser | null = null;
  let server: Server | null = null;
  let base = "";
  let dir = "";
  before(async () => {
    browser = await launch();
    dir = await build();
    ({ server, base } = await serve(dir));
  });
  after(async () => {
    await browser?.close();
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
    if (dir !== "") {
      await removeDir(dir);
    }
  });
  return {
    get browser(): Browser {
      assert.ok(browser, "browser not started");
      return browser;
    },
    get base(): string {
      return base;
    },
    get dir(): string {
      return dir;
    },
  };
}
