/**
 * scripts/validate-manifest.js catches broken manifests: each mutation of a good manifest must
 * produce the error that names it (and the XSD must refuse what it can see).
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { mutate, noXsd, ROOT, SHARED, TASKPANE, validator, withTempManifest } from "./manifests";

const errorsOf = (xml: string): string[] => validator.checkManifest(xml).errors;
const has = (errors: string[], part: string): boolean => errors.some((e) => e.includes(part));

describe("the validator catches broken manifests", () => {
  const swapped = (): string =>
    mutate(SHARED.xml, /(<Id>[^<]*<\/Id>)(\s*)(<Version>[^<]*<\/Version>)/, "$3$2$1");

  test("Version before Id", () => {
    const errors = errorsOf(swapped());
    assert.ok(has(errors, "<Id> must come before <Version>"), errors.join("\n"));
  });

  test("Version before Id fails the XSD too", { skip: noXsd }, () => {
    withTempManifest(swapped(), (file) => {
      const result = validator.runXmllint(file);
      assert.ok(!("skipped" in result) && !result.ok);
    });
  });

  test("an override in a wrong place fails the XSD", { skip: noXsd }, () => {
    const misplaced = mutate(
      SHARED.xml,
      '<bt:Override Locale="ru-ru" Value="ВШУ"/>',
      '<Override Locale="ru-ru" Value="ВШУ"/>'
    );
    withTempManifest(misplaced, (file) => {
      const result = validator.runXmllint(file);
      assert.ok(!("skipped" in result) && !result.ok);
    });
  });

  test("an undefined and a duplicated resid", () => {
    const undefinedResid = mutate(
      SHARED.xml,
      '<Label resid="Group.Label"/>',
      '<Label resid="Missing.Label"/>'
    );
    assert.ok(has(errorsOf(undefinedResid), "Missing.Label"));
    const duplicate = mutate(
      SHARED.xml,
      '<bt:String id="Group.Label"',
      '<bt:String id="ReportButton.Label" DefaultValue="x"/><bt:String id="Group.Label"'
    );
    assert.ok(has(errorsOf(duplicate), "defined 2 times"));
  });

  test("a second runtime resid in the shared manifest", () => {
    const errors = errorsOf(
      mutate(
        SHARED.xml,
        '<FunctionFile resid="Taskpane.Url"/>',
        '<FunctionFile resid="Functions.Script.Url"/>'
      )
    );
    assert.ok(has(errors, "<FunctionFile>"), errors.join("\n"));
  });

  test("an http URL, malformed XML, an unregistered ribbon function", () => {
    const http = mutate(
      SHARED.xml,
      "https://localhost:3000/functions.js",
      "http://localhost:3000/functions.js"
    );
    assert.ok(has(errorsOf(http), "not https"));
    const broken = mutate(SHARED.xml, "</Hosts>\n    <Resources>", "</Host>\n    <Resources>");
    assert.match(errorsOf(broken)[0] ?? "", /not well-formed/);
    const { errors } = validator.checkManifest(SHARED.xml, {
      commandsSource: 'Office.actions.associate("buildReport", f);',
    });
    assert.ok(has(errors, '"refreshDeadlines"'), errors.join("\n"));
  });
});

describe("the validator keeps the task-pane manifest reachable from Office 2016", () => {
  test("a higher ExcelApi or another requirement set is refused", () => {
    const excel18 = mutate(
      TASKPANE.xml,
      'Name="ExcelApi" MinVersion="1.1"',
      'Name="ExcelApi" MinVersion="1.8"'
    );
    assert.ok(has(errorsOf(excel18), "ExcelApi 1.8 hides the add-in from Office 2016"));
    const other = mutate(
      TASKPANE.xml,
      '<Set Name="ExcelApi" MinVersion="1.1"/>',
      '<Set Name="ExcelApi" MinVersion="1.1"/><Set Name="DialogApi" MinVersion="1.1"/>'
    );
    assert.ok(has(errorsOf(other), "requirement set DialogApi"));
  });

  test("a SharedRuntime set turns it into a shared manifest, which then lacks its runtime", () => {
    const shared = mutate(
      TASKPANE.xml,
      '<Set Name="ExcelApi" MinVersion="1.1"/>',
      '<Set Name="SharedRuntime" MinVersion="1.1"/>'
    );
    const result = validator.checkManifest(shared);
    assert.equal(result.kind, "shared");
    assert.ok(has(result.errors, "expected exactly one <Runtime>"), result.errors.join("\n"));
  });

  test("a code button or a function file is refused", () => {
    const button = mutate(
      TASKPANE.xml,
      /<Action xsi:type="ShowTaskpane">\s*(?:<TaskpaneId>\w+<\/TaskpaneId>\s*)?<SourceLocation resid="Taskpane.Url"\/>\s*<\/Action>/,
      '<Action xsi:type="ExecuteFunction"><FunctionName>buildReport</FunctionName></Action>'
    );
    assert.ok(has(errorsOf(button), "ExecuteFunction button in a task-pane-only manifest"));
    const functionFile = mutate(
      TASKPANE.xml,
      "<DesktopFormFactor>",
      '<DesktopFormFactor><FunctionFile resid="Taskpane.Url"/>'
    );
    assert.ok(has(errorsOf(functionFile), "<FunctionFile> in a task-pane-only manifest"));
  });

  test("the ribbon and «Мои надстройки» must open the same page", () => {
    const other = mutate(
      TASKPANE.xml,
      '<SourceLocation DefaultValue="https://localhost:3000/taskpane-only.html"/>',
      '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>'
    );
    assert.ok(has(errorsOf(other), "but <DefaultSettings> opens"));
  });
});

describe("npm run validate", () => {
  test("checks both manifests and fails on a broken one", () => {
    const script = path.join(ROOT, "scripts/validate-manifest.js");
    const good = spawnSync(process.execPath, [script, "manifest.xml", "manifest-taskpane.xml"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    assert.equal(good.status, 0, good.stderr);
    assert.match(good.stdout, /manifest\.xml: структура: OK/);
    assert.match(good.stdout, /manifest-taskpane\.xml: структура: OK .*task pane only/);
    withTempManifest(mutate(SHARED.xml, "<Id>", "<Id>x"), (file) => {
      const bad = spawnSync(process.execPath, [script, file], { encoding: "utf8" });
      assert.equal(bad.status, 1);
      assert.match(bad.stderr, /is not a GUID/);
    });
  });
});
