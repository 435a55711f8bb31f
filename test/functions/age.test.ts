import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { fullYears } from "../../src/functions/age";

describe("fullYears", () => {
  test("a year is completed on the birthday", () => {
    assert.equal(fullYears("2010-05-15", "2024-05-14"), 13);
    assert.equal(fullYears("2010-05-15", "2024-05-15"), 14);
    assert.equal(fullYears("2010-05-15", "2024-12-31"), 14);
    assert.equal(fullYears("2010-05-15", "2010-05-15"), 0);
  });

  test("29 February: 28 February in common years, 29 February in leap years", () => {
    assert.equal(fullYears("2012-02-29", "2023-02-27"), 10);
    assert.equal(fullYears("2012-02-29", "2023-02-28"), 11);
    assert.equal(fullYears("2012-02-29", "2024-02-28"), 11);
    assert.equal(fullYears("2012-02-29", "2024-02-29"), 12);
  });

  test("null for malformed dates and for a date before birth", () => {
    assert.equal(fullYears("2010-05-15", "2010-05-14"), null);
    assert.equal(fullYears("15.05.2010", "2024-05-15"), null);
    assert.equal(fullYears("2010-05-15", ""), null);
  });
});
