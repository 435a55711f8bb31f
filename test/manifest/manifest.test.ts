/**
 * The two manifests as committed (development URLs): manifest.xml, the shared runtime for
 * Microsoft 365 / Office 2021+ / the web / Mac, and manifest-taskpane.xml, the task pane alone
 * for Office 2016/2019. Both pass the XSD and the structural checks of the offline validator.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import {
  BUILT_FILES,
  commandsSource,
  MANIFESTS,
  manifestUrls,
  noXsd,
  ROOT,
  SHARED,
  TASKPANE,
  urls,
  validator,
} from "./manifests";

for (const m of MANIFESTS) {
  describe(`${m.file}: common checks`, () => {
    test("passes every structural check, commands included", () => {
      const { errors } = validator.checkManifest(m.xml, { commandsSource });
      assert.deepEqual(errors, []);
    });

    test("passes the XSD", { skip: noXsd }, () => {
      const result = validator.runXmllint(path.join(ROOT, m.file));
      assert.ok(!("skipped" in result));
      assert.ok(result.ok, result.output);
    });

    test("top-level elements are in schema order (Id before Version …)", () => {
      assert.deepEqual(validator.checkTopLevel(m.root), []);
      const names = m.root.children.map((el) => el.name);
      assert.ok(names.indexOf("Id") < names.indexOf("Version"));
      assert.ok(names.indexOf("DefaultSettings") < names.indexOf("Permissions"));
      assert.equal(names.at(-1), "VersionOverrides");
    });

    test("every resid is defined exactly once; all URLs are https", () => {
      assert.deepEqual(validator.checkResids(m.root), []);
      assert.deepEqual(validator.checkUrls(m.root), []);
    });

    test("development: every URL is on https://localhost:3000/", () => {
      const all = manifestUrls(m.xml);
      assert.ok(all.length >= 5, `${all.length} URLs`);
      for (const url of all) {
        assert.ok(url.startsWith(urls.DEV_URL), url);
      }
    });

    test("every file it points to is built or committed", () => {
      const targets = m.elements
        .flatMap((el) => [el.attrs.DefaultValue ?? "", el.attrs.Value ?? ""])
        .filter((value) => value.startsWith(urls.DEV_URL))
        .map((value) => value.slice(urls.DEV_URL.length).split("?")[0] ?? "");
      assert.ok(targets.length > 0);
      for (const target of targets) {
        assert.ok(BUILT_FILES.has(target) || existsSync(path.join(ROOT, target)), target);
      }
    });

    test("icons: 16, 32 and 80 px on the ribbon, 32 and 64 px for the add-in", () => {
      const images = m.byName("bt:Image").filter((el) => el.attrs.id !== undefined);
      assert.deepEqual(
        images.map((el) => el.attrs.DefaultValue?.slice(urls.DEV_URL.length)),
        [
          "assets/icon-16.png",
          "assets/icon-32.png",
          "assets/icon-80.png",
          // «Документы»
          "assets/documents-16.png",
          "assets/documents-32.png",
          "assets/documents-80.png",
        ]
      );
      assert.equal(m.byName("IconUrl")[0]?.attrs.DefaultValue, `${urls.DEV_URL}assets/icon-32.png`);
      assert.equal(
        m.byName("HighResolutionIconUrl")[0]?.attrs.DefaultValue,
        `${urls.DEV_URL}assets/icon-64.png`
      );
    });
  });
}

describe("manifest.xml: the shared runtime", () => {
  const byName = SHARED.byName;

  test("is the shared kind and requires SharedRuntime 1.1 and nothing else", () => {
    assert.equal(validator.manifestKind(SHARED.root), "shared");
    assert.deepEqual(
      byName("Set").map((s) => [s.attrs.Name, s.attrs.MinVersion]),
      [["SharedRuntime", "1.1"]]
    );
  });

  test("one runtime resid (Taskpane.Url) for runtime, page, function file and task pane", () => {
    assert.deepEqual(validator.checkSharedRuntime(SHARED.root), []);
    const runtimes = byName("Runtime");
    assert.equal(runtimes.length, 1);
    assert.equal(runtimes[0]?.attrs.resid, "Taskpane.Url");
    assert.equal(runtimes[0]?.attrs.lifetime, "long");
    const users = SHARED.elements.filter(
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

  test("ribbon functions are exactly the ones commands.ts registers", () => {
    assert.deepEqual(validator.ribbonFunctionNames(SHARED.root).sort(), [
      "buildReport",
      "openDocuments",
      "refreshDeadlines",
    ]);
  });

  test("custom functions: functions.js, functions.json and the namespace resource", () => {
    const point = SHARED.elements.find(
      (el) => el.name === "ExtensionPoint" && el.attrs["xsi:type"] === "CustomFunctions"
    );
    assert.ok(point);
    const resid = (name: string): string | undefined =>
      validator
        .allElements(point)
        .find((el) => el.name === "SourceLocation" && el.parent?.name === name)?.attrs.resid;
    assert.equal(resid("Script"), "Functions.Script.Url");
    assert.equal(resid("Metadata"), "Functions.Metadata.Url");
    assert.equal(byName("Namespace")[0]?.attrs.resid, "Functions.Namespace");
  });
});

describe("manifest-taskpane.xml: the task pane alone (Office 2016/2019)", () => {
  const byName = TASKPANE.byName;

  test("is the task-pane kind: no runtime, no custom functions, no code on the ribbon", () => {
    assert.equal(validator.manifestKind(TASKPANE.root), "taskpane");
    assert.deepEqual(validator.checkTaskpaneOnly(TASKPANE.root), []);
    for (const name of ["Runtimes", "Runtime", "FunctionFile", "FunctionName", "Namespace"]) {
      assert.equal(byName(name).length, 0, name);
    }
    assert.equal(
      TASKPANE.elements.filter((el) => el.attrs["xsi:type"] === "CustomFunctions").length,
      0
    );
  });

  test("requires ExcelApi 1.1 only, so Office 2016 volume-licensed offers it", () => {
    assert.deepEqual(
      byName("Set").map((s) => [s.attrs.Name, s.attrs.MinVersion]),
      [["ExcelApi", "1.1"]]
    );
    assert.equal(byName("Sets")[0]?.attrs.DefaultMinVersion, "1.1");
  });

  test("opens taskpane-only.html from «Мои надстройки» and from its ribbon buttons, as one pane", () => {
    const page = `${urls.DEV_URL}taskpane-only.html`;
    assert.equal(byName("SourceLocation")[0]?.attrs.DefaultValue, page);
    const actions = byName("Action");
    assert.deepEqual(
      actions.map((a) => a.attrs["xsi:type"]),
      ["ShowTaskpane", "ShowTaskpane"]
    );
    // «Учёт и сроки» and «Документы» share one pane; «Документы» opens it on its tab.
    assert.deepEqual(
      byName("TaskpaneId").map((t) => t.text.trim()),
      ["VshuPane", "VshuPane"]
    );
    const url = (id: string): string | undefined =>
      byName("bt:Url").find((u) => u.attrs.id === id)?.attrs.DefaultValue;
    assert.equal(url("Taskpane.Url"), page);
    assert.equal(url("Taskpane.Documents.Url"), `${page}?tab=documents`);
  });

  test("is another add-in than manifest.xml: its own Id and ribbon ids", () => {
    const id = (m: typeof SHARED): string => m.byName("Id")[0]?.text.trim() ?? "";
    assert.notEqual(id(TASKPANE), id(SHARED));
    const controlIds = (m: typeof SHARED): string[] =>
      m.elements
        .filter((el) => el.name === "Group" || el.name === "Control")
        .map((el) => el.attrs.id ?? "");
    const shared = new Set(controlIds(SHARED));
    for (const controlId of controlIds(TASKPANE)) {
      assert.ok(!shared.has(controlId), controlId);
    }
  });

  test("same version and permissions as manifest.xml", () => {
    const text = (m: typeof SHARED, name: string): string => m.byName(name)[0]?.text.trim() ?? "";
    assert.equal(text(TASKPANE, "Version"), text(SHARED, "Version"));
    assert.equal(text(TASKPANE, "Permissions"), text(SHARED, "Permissions"));
  });
});
