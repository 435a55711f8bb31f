/**
 * Languages of both manifests, as Microsoft's "Localize custom functions" and "Localization for
 * Office Add-ins" show them: DefaultLocale en-US with English DefaultValues, and one ru-ru
 * override (Russian) on every string a user sees, on the custom-functions metadata URL and on
 * the namespace; no override for the default locale.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { MANIFESTS, mutate, SHARED, urls, validator, type XmlElement } from "./manifests";

const CYRILLIC = /[А-Яа-яЁё]/;

/** The elements whose text a user sees (each must carry the ru-ru override). */
function visibleStrings(elements: XmlElement[]): XmlElement[] {
  return elements
    .filter(
      (el) =>
        (el.name === "DisplayName" || el.name === "Description") && el.parent?.name === "OfficeApp"
    )
    .concat(elements.filter((el) => el.name === "bt:String"));
}

for (const m of MANIFESTS) {
  describe(`${m.file}: languages`, () => {
    test("DefaultLocale is en-US, and no override repeats it", () => {
      assert.equal(m.byName("DefaultLocale")[0]?.text.trim(), "en-US");
      assert.deepEqual(validator.checkOverrides(m.root), []);
      const overrides = [...m.byName("Override"), ...m.byName("bt:Override")];
      assert.ok(overrides.length > 0);
      for (const el of overrides) {
        assert.equal(el.attrs.Locale, "ru-ru", `line ${el.line}`);
      }
    });

    test("every string a user sees: English by default, one Russian ru-ru override", () => {
      const strings = visibleStrings(m.elements);
      assert.ok(strings.length >= 4, `${strings.length} strings`);
      for (const el of strings) {
        const what = `${el.name} ${el.attrs.id ?? ""} (line ${el.line})`;
        assert.doesNotMatch(el.attrs.DefaultValue ?? "", CYRILLIC, what);
        const expectedTag = el.name.startsWith("bt:") ? "bt:Override" : "Override";
        assert.deepEqual(
          el.children.map((c) => [c.name, c.attrs.Locale]),
          [[expectedTag, "ru-ru"]],
          what
        );
        assert.match(el.children[0]?.attrs.Value ?? "", CYRILLIC, what);
      }
    });

    test("Russian Excel shows the school's words", () => {
      const ru = new Map(
        m.elements
          .filter((el) => el.name === "bt:String")
          .map((el) => [el.attrs.id ?? "", el.children[0]?.attrs.Value ?? ""])
      );
      assert.equal(ru.get("Group.Label"), "ВШУ");
      assert.equal(ru.get("TaskpaneButton.Label"), "Учёт и сроки");
      const displayName = m.byName("DisplayName")[0]?.children[0]?.attrs.Value ?? "";
      assert.match(displayName, /^ВШУ — внутришкольный учёт/);
    });
  });
}

describe("manifest.xml: function names in both languages", () => {
  test("the namespace: VSHU by default, ВШУ for ru-ru", () => {
    const namespace = SHARED.byName("bt:String").find(
      (el) => el.attrs.id === "Functions.Namespace"
    );
    assert.equal(namespace?.attrs.DefaultValue, "VSHU");
    assert.deepEqual(
      namespace?.children.map((c) => [c.name, c.attrs.Locale, c.attrs.Value]),
      [["bt:Override", "ru-ru", "ВШУ"]]
    );
  });

  test("the metadata: functions.json by default, functions-ru.json for ru-ru", () => {
    const metadataUrl = SHARED.byName("bt:Url").find(
      (el) => el.attrs.id === "Functions.Metadata.Url"
    );
    assert.equal(metadataUrl?.attrs.DefaultValue, `${urls.DEV_URL}functions.json`);
    assert.deepEqual(
      metadataUrl?.children.map((c) => [c.name, c.attrs.Locale, c.attrs.Value]),
      [["bt:Override", "ru-ru", `${urls.DEV_URL}functions-ru.json`]]
    );
  });

  test("the ribbon buttons in Russian", () => {
    const ru = new Map(
      SHARED.byName("bt:String").map((el) => [el.attrs.id ?? "", el.children[0]?.attrs.Value])
    );
    assert.equal(ru.get("ReportButton.Label"), "Отчёт");
    assert.equal(ru.get("RefreshButton.Label"), "Обновить сроки");
  });
});

describe("the validator on languages", () => {
  const override = '<bt:Override Locale="ru-ru" Value="https://localhost:3000/functions-ru.json"/>';
  const check = (xml: string): string[] => validator.checkManifest(xml).errors;

  test("an override for the default locale is refused", () => {
    const enUs = mutate(SHARED.xml, override, override.replace("ru-ru", "en-us"));
    assert.ok(check(enUs).some((e) => e.includes("DefaultLocale en-us")));
    const ruDefault = mutate(SHARED.xml, "<DefaultLocale>en-US", "<DefaultLocale>ru-RU");
    assert.ok(check(ruDefault).some((e) => e.includes("DefaultLocale ru-ru")));
  });

  test("unprefixed in resources, a short locale, a locale twice, an http override", () => {
    const unprefixed = mutate(SHARED.xml, override, override.replace("bt:Override", "Override"));
    assert.ok(check(unprefixed).some((e) => e.includes("needs <bt:Override>")));
    const shortLocale = mutate(SHARED.xml, override, override.replace("ru-ru", "ru"));
    assert.ok(check(shortLocale).some((e) => e.includes('Locale "ru"')));
    const twice = mutate(SHARED.xml, override, override + override);
    assert.ok(check(twice).some((e) => e.includes('two overrides for locale "ru-ru"')));
    const http = mutate(SHARED.xml, override, override.replace("https:", "http:"));
    assert.ok(check(http).some((e) => e.includes("not https")));
  });
});
