/**
 * Old webviews: where Office runs add-ins in Internet Explorer 11 (Trident) or Microsoft Edge
 * Legacy (EdgeHTML) the bundle cannot run, so src/taskpane/taskpane.html decides before the
 * bundle loads and shows a Russian message saying what to install (Microsoft Edge WebView2).
 * The inline script is run here in a VM with stand-in window/document objects (table-driven
 * over real user agents of Office's webviews), checked to be ES5, and the page is opened in
 * Chromium with Internet Explorer's user agent.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import vm from "node:vm";
import { parse } from "acorn";
import { chromium, type Browser } from "playwright-core";
import { assertChromium, CHROMIUM, CHROMIUM_ARGS, OFFICE_STUB } from "../e2e/harness";

const ROOT = path.resolve(__dirname, "../..");
const HTML_FILE = path.join(ROOT, "src/taskpane/taskpane.html");
const html = readFileSync(HTML_FILE, "utf8");

function inlineScript(): string {
  const match = /<script id="vshu-webview-check">([\s\S]*?)<\/script>/.exec(html);
  assert.ok(match?.[1], "taskpane.html has the webview check script");
  return match[1];
}

/** Office's webviews as they announce themselves. */
const UA = {
  ie11: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16; rv:11.0) like Gecko",
  edgeHtml:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045",
  webView2:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36 Edg/138.0.3351.83",
  macWkWebView:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
  excelOnTheWeb:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36",
};

interface FakeElement {
  id: string;
  children: FakeElement[];
  attributes: Record<string, string>;
  style: Record<string, string>;
  textContent: string;
  readonly firstChild: FakeElement | null;
  removeChild(child: FakeElement): void;
  appendChild(child: FakeElement): void;
  setAttribute(name: string, value: string): void;
}

function element(id: string, text = ""): FakeElement {
  const el: FakeElement = {
    id,
    children: [],
    attributes: {},
    style: { display: "none" },
    textContent: text,
    get firstChild() {
      return el.children[0] ?? null;
    },
    removeChild(child) {
      el.children = el.children.filter((c) => c !== child);
    },
    appendChild(child) {
      el.children.push(child);
    },
    setAttribute(name, value) {
      el.attributes[name] = value;
    },
  };
  return el;
}

/** The builtins the check looks at, from this realm; `change` removes or breaks some. */
function globals(change: Record<string, unknown> = {}): Record<string, unknown> {
  return { Promise, Map, Symbol, Object, Array, Function, ...change };
}

/** Runs the inline script as the page would; returns what it did to #root. */
function runCheck(userAgent: string, change: Record<string, unknown> = {}) {
  const root = element("root");
  root.appendChild(element("loading", "Загрузка…"));
  const message = element("vshu-webview-message");
  const engine = element("vshu-webview-engine", "Internet Explorer 11");
  const byId: Record<string, FakeElement> = {
    root,
    "vshu-webview-message": message,
    "vshu-webview-engine": engine,
  };
  let officeReady = 0;
  const window: Record<string, unknown> = {
    ...globals(change),
    navigator: { userAgent },
    Office: { onReady: () => (officeReady += 1) },
  };
  const document = { getElementById: (id: string) => byId[id] ?? null };
  vm.runInNewContext(inlineScript(), { window, document });
  return {
    problem: root.attributes["data-webview-problem"] ?? "",
    shown: root.children.includes(message) && message.style.display === "block",
    loadingKept: root.children.some((c) => c.id === "loading"),
    engine: engine.textContent,
    officeReady,
    detect: window.vshuWebviewProblem as (ua: string, global: unknown) => string,
  };
}

describe("the webview check in taskpane.html", () => {
  const cases: Array<[string, string, Record<string, unknown>, string]> = [
    ["Internet Explorer 11 (Office 2016/2019 volume-licensed)", UA.ie11, {}, "trident"],
    ["Edge Legacy (retail Office without WebView2)", UA.edgeHtml, {}, "edgehtml"],
    ["WebView2 (Microsoft 365, Office 2021+)", UA.webView2, {}, ""],
    ["WKWebView (Excel for Mac)", UA.macWkWebView, {}, ""],
    ["Chrome (Excel on the web)", UA.excelOnTheWeb, {}, ""],
    [
      "no Object.fromEntries (ES2019)",
      UA.excelOnTheWeb,
      { Object: { fromEntries: undefined } },
      "features",
    ],
    ["no Promise", UA.excelOnTheWeb, { Promise: undefined }, "features"],
    [
      "no optional chaining (ES2020 syntax)",
      UA.excelOnTheWeb,
      {
        Function: function () {
          throw new SyntaxError("Unexpected token '.'");
        },
      },
      "features",
    ],
  ];
  for (const [what, ua, change, expected] of cases) {
    test(`${what} → ${expected || "the pane runs"}`, () => {
      const run = runCheck(ua, change);
      assert.equal(run.problem, expected);
      assert.equal(run.shown, expected !== "");
      assert.equal(run.loadingKept, expected === "");
      assert.equal(run.officeReady, expected === "" ? 0 : 1, "Office told the page is ready");
      assert.equal(run.detect(ua, globals(change)), expected);
    });
  }

  test("names the engine it found", () => {
    assert.equal(runCheck(UA.ie11).engine, "Internet Explorer 11");
    assert.equal(runCheck(UA.edgeHtml).engine, "Microsoft Edge Legacy (EdgeHTML)");
  });

  test("is ES5, so Internet Explorer 11 can run it", () => {
    assert.doesNotThrow(() => parse(inlineScript(), { ecmaVersion: 5 }));
    assert.throws(() => parse("let a = () => 1;", { ecmaVersion: 5 }), SyntaxError);
  });

  test("the message is Russian and says what to install", () => {
    const message = /<div id="vshu-webview-message"[\s\S]*?<\/div>/.exec(html)?.[0] ?? "";
    assert.match(message, /role="alert"/);
    assert.match(message, /Панель ВШУ не может открыться/);
    assert.match(message, /Microsoft Edge WebView2 Runtime/);
    assert.match(message, /https:\/\/developer\.microsoft\.com\/microsoft-edge\/webview2\//);
    assert.match(message, /Закройте все окна Excel/);
    assert.match(message, /Office 2016 или Office 2019 с корпоративной лицензией/);
  });

  test("runs before the bundle: the script comes after #root and before </body>", () => {
    const rootAt = html.indexOf('<main id="root">');
    const scriptAt = html.indexOf('<script id="vshu-webview-check">');
    assert.ok(rootAt > 0 && scriptAt > rootAt);
    assert.ok(scriptAt < html.indexOf("</body>"));
  });
});

describe("taskpane.html in Chromium", () => {
  let browser: Browser;

  before(async () => {
    assertChromium();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  });

  after(async () => {
    await browser?.close();
  });

  async function open(userAgent: string) {
    const context = await browser.newContext({
      userAgent,
      viewport: { width: 320, height: 560 },
    });
    const page = await context.newPage();
    await page.route("https://appsforoffice.microsoft.com/**", (route) =>
      route.fulfill({ body: OFFICE_STUB, contentType: "text/javascript" })
    );
    await page.goto(pathToFileURL(HTML_FILE).href);
    return { context, page };
  }

  test("with Internet Explorer's user agent the pane shows the message, not a blank page", async () => {
    const { context, page } = await open(UA.ie11);
    try {
      assert.equal(await page.getAttribute("#root", "data-webview-problem"), "trident");
      const alert = page.locator("#root [role=alert]");
      assert.equal(await alert.isVisible(), true);
      const text = (await alert.innerText()).replace(/\s+/g, " ");
      assert.match(text, /Internet Explorer 11/);
      assert.match(text, /Microsoft Edge WebView2/);
      assert.doesNotMatch(text, /Загрузка/);
      const shot = process.env.VSHU_WEBVIEW_SCREENSHOT;
      if (shot) {
        await page.screenshot({ path: shot, fullPage: true });
      }
    } finally {
      await context.close();
    }
  });

  test("with a current Chromium nothing changes (the bundle will mount)", async () => {
    const { context, page } = await open(UA.webView2);
    try {
      assert.equal(await page.getAttribute("#root", "data-webview-problem"), null);
      assert.equal(await page.locator("#root").innerText(), "Загрузка…");
      assert.equal(await page.locator("[role=alert]").isVisible(), false);
    } finally {
      await context.close();
    }
  });
});
