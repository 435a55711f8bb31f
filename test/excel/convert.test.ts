import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { excelSerialToIso, isoToExcelSerial, MAX_EXCEL_SERIAL } from "../../src/excel/convert";

describe("excelSerialToIso", () => {
  const known: Array<[number, string]> = [
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [25569, "1970-01-01"],
    [36526, "2000-01-01"],
    [36585, "2000-02-29"],
    [45292, "2024-01-01"],
    [45351, "2024-02-29"],
    [46023, "2026-01-01"],
    [MAX_EXCEL_SERIAL, "9999-12-31"],
  ];
  for (const [serial, iso] of known) {
    test(`${serial} → ${iso}`, () => {
      assert.equal(excelSerialToIso(serial), iso);
    });
  }

  test("drops the time of day", () => {
    assert.equal(excelSerialToIso(45292.99999), "2024-01-01");
    assert.equal(excelSerialToIso(45292.5), "2024-01-01");
  });

  test("rejects what is not a date Excel can show", () => {
    for (const bad of [0, 0.5, -1, 60, 60.25, MAX_EXCEL_SERIAL + 1, NaN, Infinity, -Infinity]) {
      assert.equal(excelSerialToIso(bad), null, String(bad));
    }
  });
});

describe("isoToExcelSerial", () => {
  test("known dates", () => {
    assert.equal(isoToExcelSerial("1900-01-01"), 1);
    assert.equal(isoToExcelSerial("1900-02-28"), 59);
    assert.equal(isoToExcelSerial("1900-03-01"), 61);
    assert.equal(isoToExcelSerial("1970-01-01"), 25569);
    assert.equal(isoToExcelSerial("2024-02-29"), 45351);
    assert.equal(isoToExcelSerial("9999-12-31"), MAX_EXCEL_SERIAL);
  });

  test("rejects malformed and impossible dates", () => {
    for (const bad of [
      "",
      "2024-1-01",
      "01.01.2024",
      "2024-02-30",
      "2023-02-29",
      "1900-02-29",
      "1899-12-31",
      "2024-13-01",
      "2024-00-10",
      "2024-01-00",
      " 2024-01-01",
    ]) {
      assert.equal(isoToExcelSerial(bad), null, bad);
    }
  });

  test("round-trips every serial of a few spans", () => {
    const spans: Array<[number, number]> = [
      [1, 800],
      [36000, 38000],
      [MAX_EXCEL_SERIAL - 400, MAX_EXCEL_SERIAL],
    ];
    for (const [from, to] of spans) {
      for (let serial = from; serial <= to; serial++) {
        const iso = excelSerialToIso(serial);
        if (serial === 60) {
          assert.equal(iso, null);
          continue;
        }
        assert.notEqual(iso, null, String(serial));
        assert.equal(isoToExcelSerial(iso as string), serial, `${serial} ${iso}`);
      }
    }
  });
});
