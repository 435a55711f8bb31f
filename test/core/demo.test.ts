import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createProductionCalendar } from "../../src/core/calendar/productionCalendar";
import { addDays, daysBetween, isIsoDate, type IsoDate } from "../../src/core/dates/isoDate";
import { computeDeadlines } from "../../src/core/deadlines";
import { COORDINATOR, CURATORS, FAMILIES, STAFF } from "../../src/core/demo/demoPeople";
import { buildDemoRegister, type DemoRegister } from "../../src/core/demo/demoRegister";
import { INDICATORS } from "../../src/core/indicators/catalog";
import { parseIndicatorCodes } from "../../src/core/indicators/parseCodes";
import type { Cell, RawTable, Register } from "../../src/core/register/model";
import { parseRegister } from "../../src/core/register/parseRegister";
import { aggregateReport } from "../../src/core/report/aggregate";
import { PASSPORT_PARTS, passportWarnings } from "../../src/core/report/passportChecks";
import {
  ACTIVITY_KINDS,
  ASSISTANCE_KINDS,
  PARENT_COMMUNITY_PARAMS,
  PASSPORT_CATEGORIES,
  SERVICE_KINDS,
  SETTING,
  SETTINGS_PARAMS,
  SHEET,
  SHEET_COLUMNS,
  SHEET_ORDER,
  SOURCE_VALUES,
  STEPS,
} from "../../src/core/register/schema";

const DATES: readonly IsoDate[] = ["2026-11-23", "2027-03-01", "2026-09-10"];

/** The raw tables a workbook reader would hand over: contract headers, rows from 2. */
function toRawSheets(demo: DemoRegister): Map<string, RawTable> {
  const sheets = new Map<string, RawTable>();
  for (const key of SHEET_ORDER) {
    const headers = SHEET_COLUMNS[key];
    const rows = (demo.sheets[key] ?? []).map((r, i) => ({
      row: i + 2,
      cells: headers.map((h) => r[h] ?? null),
    }));
    sheets.set(SHEET[key], { headers, rows });
  }
  return sheets;
}

function parsed(on: IsoDate): { demo: DemoRegister; register: Register } {
  const demo = buildDemoRegister(on);
  const { register, issues } = parseRegister(toRawSheets(demo));
  assert.deepEqual(issues, [], `issues for ${on}`);
  return { demo, register };
}

const dateOf = (cell: Cell | undefined): IsoDate | null =>
  cell !== null && cell !== undefined && typeof cell === "object" ? cell.date : null;

describe("buildDemoRegister", () => {
  for (const on of DATES) {
    describe(`on ${on}`, () => {
      const { demo, register } = parsed(on);
      const episodes = register.episodes;
      const registered = episodes.filter((e) => e.level !== null);

      test("every sheet is filled and uses only the contract's headers", () => {
        for (const key of SHEET_ORDER) {
          const rows = demo.sheets[key] ?? [];
          assert.ok(rows.length > 0, `sheet ${key} is empty`);
          const allowed = new Set(SHEET_COLUMNS[key]);
          for (const row of rows) {
            for (const header of Object.keys(row)) {
              assert.ok(allowed.has(header), `${key}: «${header}» is not a contract header`);
            }
          }
        }
      });

      test("settings: every parameter once, coordinator and parent community filled", () => {
        const rows = demo.sheets.settings ?? [];
        assert.deepEqual(
          rows.map((r) => r["Параметр"]),
          [...SETTINGS_PARAMS]
        );
        const s = register.settings;
        assert.ok(s.school !== "" && s.district === "Барун-Хемчикский кожуун");
        assert.ok(
          s.coordinator.name !== "" && s.coordinator.position !== "" && s.coordinator.phone !== ""
        );
        assert.equal(s.version, 2);
        assert.equal(s.region, "Республика Тыва");
        assert.ok(s.director !== "" && s.deputy !== "", "director and deputy");
        assert.ok(s.executor.name !== "" && s.executor.phone !== "", "the report's executor");
        assert.equal(Object.keys(s.quarters).length, 4);
        for (const p of PARENT_COMMUNITY_PARAMS) {
          const n = s.parentCommunity[p] ?? -1;
          assert.ok(n >= 0 && n <= 5, `${p} = ${n}`);
        }
        assert.equal(s.raw[SETTING.schoolYear], s.schoolYear);
      });

      test("a real place: a village of the kozhuun (Ак-Довурак is a town of its own)", () => {
        const s = register.settings;
        assert.match(s.school, /с\. Кызыл-Мажалык/);
        const text = JSON.stringify(demo.sheets);
        assert.ok(!text.includes("Ак-Довурак"), "Ак-Довурак");
        for (const f of register.families) {
          assert.match(f.address, /(с\. Кызыл-Мажалык|г\. Кызыл),/, f.code);
        }
      });

      test("section VII: the coordinator of the municipal education authority, not the school", () => {
        const c = register.settings.coordinator;
        assert.match(c.position, /Управлени[ея] образования/);
        assert.doesNotMatch(c.position, /директор|школ/i);
        const staff = [...CURATORS, ...Object.values(STAFF), register.settings.director];
        const surname = c.name.split(" ")[0] ?? "";
        for (const person of [
          ...staff,
          register.settings.deputy,
          register.settings.executor.name,
        ]) {
          assert.ok(!person.includes(surname), `${c.name} is the school's «${person}»`);
        }
        assert.equal(c.name, COORDINATOR.name);
      });

      test("the texts the report carries share no name with the children", () => {
        const s = register.settings;
        const reported = [
          s.school,
          s.district,
          s.coordinator.name,
          s.coordinator.position,
          s.coordinator.phone,
          s.director,
          s.executor.name,
          s.executor.phone,
        ];
        for (const e of episodes) {
          for (const token of [e.lastName, e.firstName, e.patronymic]) {
            for (const text of reported) {
              assert.ok(token.length < 3 || !text.includes(token), `«${token}» in «${text}»`);
            }
          }
        }
      });

      test("the period runs from quarter I's start to the demo date", () => {
        assert.equal(demo.period.to, on);
        assert.equal(demo.period.from, register.settings.quarters.I?.from);
        assert.ok(demo.period.from <= on);
      });

      test("about 40 episodes with unique codes and invented children", () => {
        assert.ok(episodes.length >= 35 && episodes.length <= 45, `${episodes.length}`);
        assert.equal(new Set(episodes.map((e) => e.code)).size, episodes.length);
        for (const e of episodes) {
          assert.match(e.code, /^В-\d{3}$/);
          assert.match(e.className, /^(1[01]|[1-9])[А-Я]$/);
          assert.ok(SOURCE_VALUES.includes(e.source as (typeof SOURCE_VALUES)[number]), e.source);
          assert.ok(e.birthDate !== null);
        }
      });

      test("every indicator is used by a registered episode of its level", () => {
        for (const ind of INDICATORS) {
          assert.ok(
            registered.some((e) => e.level === ind.level && e.indicators.includes(ind.code)),
            `${ind.code} is not used`
          );
        }
      });

      test("indicators are written in varied but valid ways", () => {
        const texts = (demo.sheets.cases ?? []).map((r) => String(r["Показатели"] ?? ""));
        for (const t of texts) {
          assert.deepEqual(parseIndicatorCodes(t).unknown, [], t);
        }
        assert.ok(
          texts.some((t) => /[PC]/.test(t)),
          "a Latin look-alike"
        );
        assert.ok(
          texts.some((t) => /[рс]\d/.test(t)),
          "lower case"
        );
        assert.ok(
          texts.some((t) => /[РС] \d/.test(t)),
          "a space inside a code"
        );
        assert.ok(
          texts.some((t) => t.includes(";")),
          "a semicolon"
        );
      });

      test("dates are relative to the demo date", () => {
        for (const e of episodes) {
          assert.ok(e.identified !== null);
          const ago = daysBetween(e.identified, on);
          assert.ok(ago >= 3 && ago <= 120, `${e.code} identified ${ago} days ago`);
          if (e.registered !== null) {
            const delay = daysBetween(e.identified, e.registered);
            assert.ok(delay >= 3 && delay <= 14, `${e.code} registered after ${delay} days`);
            assert.ok(e.registered <= on);
          }
          if (e.removed !== null) {
            assert.ok(e.registered !== null && e.removed > e.registered && e.removed <= on, e.code);
            assert.notEqual(e.removalReason, "");
          }
        }
      });

      test("level 1 and level 2 episodes, and 3–5 identified but not registered", () => {
        assert.ok(registered.some((e) => e.level === 1));
        assert.ok(registered.some((e) => e.level === 2));
        const waiting = episodes.filter((e) => e.level === null && e.registered === null);
        assert.ok(waiting.length >= 3 && waiting.length <= 5, `${waiting.length}`);
      });

      test("a level-1 → level-2 transfer of the same child on the same day", () => {
        const transfers = episodes.filter((e) => e.removalReason === "переведён в СОП");
        assert.equal(transfers.length, 1);
        const from = transfers[0];
        assert.ok(from);
        assert.equal(from.level, 1);
        const to = episodes.find((e) => e.level === 2 && e.childKey === from.childKey);
        assert.ok(to, "no level-2 episode of the same child");
        assert.equal(to.registered, from.removed);
        assert.equal(to.familyKey, from.familyKey);
        assert.equal(to.birthDate, from.birthDate);
      });

      test("3–4 other removals with grounds", () => {
        const others = episodes.filter(
          (e) => e.removed !== null && e.removalReason !== "переведён в СОП"
        );
        assert.ok(others.length >= 3 && others.length <= 4, `${others.length}`);
        assert.ok(others.some((e) => e.level === 1) && others.some((e) => e.level === 2));
      });

      test("one decided level differs from the suggestion, with a reason", () => {
        const differ = registered.filter((e) => {
          const suggested = e.indicators.some((c) => c.startsWith("С"))
            ? 2
            : e.indicators.length > 0
              ? 1
              : 0;
          return suggested !== e.level;
        });
        assert.equal(differ.length, 1);
        assert.match(differ[0]?.note ?? "", /уровень|Уровень/);
      });

      test("families: several with 2–3 children, 2–3 children without a family code", () => {
        const codes = new Set(register.families.map((f) => f.code));
        const children = new Map<string, Set<string>>();
        for (const e of episodes) {
          if (e.familyCode !== "") {
            assert.ok(codes.has(e.familyCode), `${e.code}: family ${e.familyCode}`);
            const set = children.get(e.familyCode) ?? new Set<string>();
            set.add(e.childKey);
            children.set(e.familyCode, set);
          }
        }
        const sizes = [...children.values()].map((s) => s.size);
        assert.ok(sizes.filter((n) => n >= 2).length >= 3);
        assert.ok(sizes.every((n) => n <= 3));
        const alone = new Set(episodes.filter((e) => e.familyCode === "").map((e) => e.childKey));
        assert.ok(alone.size >= 2 && alone.size <= 3, `${alone.size}`);
        assert.ok(register.families.every((f) => f.code.startsWith("Ф-") && f.status.length > 0));
      });

      test("family codes cannot be read as indicator codes", () => {
        for (const f of register.families) {
          assert.deepEqual(parseIndicatorCodes(f.code).codes, [], f.code);
        }
      });

      test("«Дети семьи» lists the family's children at the school", () => {
        for (const f of register.families) {
          const kids = episodes.filter((e) => e.familyCode === f.code);
          for (const e of kids) {
            assert.ok(f.children.includes(`${e.lastName} ${e.firstName}`), `${f.code}: ${e.code}`);
          }
        }
      });

      test("«Протокол снятия»: the council's protocol for level 1, the постановление for level 2 and a transfer", () => {
        for (const e of episodes) {
          if (e.removed === null) {
            assert.equal(e.removalProtocol, "", e.code);
          } else if (e.level === 2 || e.removalReason === "переведён в СОП") {
            assert.match(e.removalProtocol, /^постановление № \d+$/, e.code);
          } else {
            assert.match(e.removalProtocol, /^протокол № \d+$/, e.code);
          }
        }
      });

      test("actions: regulated steps done and not, and free plan actions", () => {
        const steps = register.actions.filter((a) => a.step !== null);
        const free = register.actions.filter((a) => a.step === null);
        for (const s of STEPS) {
          assert.ok(
            steps.some((a) => a.step === s.key && a.done !== null),
            `${s.title} done`
          );
        }
        assert.ok(steps.some((a) => a.done === null));
        assert.ok(
          free.some((a) => a.section === "ребёнок") && free.some((a) => a.section === "родители")
        );
        for (const a of free) {
          assert.ok(a.direction !== "" && a.title !== "" && a.due !== null && a.responsible !== "");
        }
        for (const a of register.actions) {
          assert.ok(a.done === null || a.done <= on, `${a.caseCode} done ${a.done}`);
        }
        const withSteps = new Set(steps.map((a) => a.caseCode));
        assert.ok(registered.filter((e) => withSteps.has(e.code)).length > registered.length / 2);
      });

      test("the deadlines list shows every status", () => {
        const rows = computeDeadlines(register, on, createProductionCalendar());
        const statuses = new Set(rows.map((r) => r.status));
        for (const s of ["выполнено", "просрочено", "сегодня", "предстоит"] as const) {
          assert.ok(statuses.has(s), `no «${s}» on ${on}`);
        }
      });

      test("help rows agree with the family and the indicators", () => {
        const byCode = new Map(episodes.map((e) => [e.code, e]));
        const seedOf = new Map(FAMILIES.map((f) => [f.code, f]));
        for (const a of register.assistance) {
          const e = byCode.get(a.caseCode);
          assert.ok(e, a.caseCode);
          const f = seedOf.get(e.familyCode);
          const codes = e.indicators;
          const label = `${a.caseCode} (${e.familyCode || "без семьи"}): ${a.content}`;
          const text = a.content.toLowerCase();
          if (/матер/.test(text)) {
            assert.ok(f && f.mother !== "", label);
          }
          if (/отц|отец/.test(text)) {
            assert.ok(f && f.father !== "", label);
          }
          if (/опекун/.test(text)) {
            assert.ok(f && f.guardian !== "", label);
          }
          if (/родител/.test(text)) {
            assert.ok(f && (f.mother !== "" || f.father !== ""), label);
          }
          if (a.kind === "financial" || a.kind === "clothing") {
            assert.ok(
              /малообеспеч|многодет/.test(f?.status ?? "") ||
                codes.some((c) => ["Р2", "Р3", "С2", "С3"].includes(c)),
              label
            );
          }
          if (a.kind === "employment") {
            assert.ok(codes.includes("Р1") || codes.includes("С1"), label);
          }
          if (/нарколог/.test(text)) {
            assert.ok(codes.includes("Р5") || codes.includes("С5"), label);
          }
          if (f === undefined) {
            assert.doesNotMatch(text, /семь|пособи/, label);
          }
        }
      });

      test("assistance: about 25 rows of every kind within the period", () => {
        const rows = register.assistance;
        assert.ok(rows.length >= 20 && rows.length <= 30);
        for (const k of ASSISTANCE_KINDS) {
          assert.ok(
            rows.some((a) => a.kind === k.key),
            k.title
          );
        }
        const byCode = new Map(episodes.map((e) => [e.code, e]));
        for (const a of rows) {
          assert.ok(a.date >= demo.period.from && a.date <= on, a.date);
          const e = byCode.get(a.caseCode);
          assert.ok(
            e?.registered && e.registered <= a.date,
            `${a.caseCode} helped before registration`
          );
        }
      });

      test("activities: about 15 rows of every kind, some ended", () => {
        const rows = register.activities;
        assert.ok(rows.length >= 12 && rows.length <= 18);
        for (const k of ACTIVITY_KINDS) {
          assert.ok(
            rows.some((a) => a.kind === k.key),
            k.title
          );
        }
        assert.ok(rows.some((a) => a.end !== null) && rows.some((a) => a.end === null));
        for (const a of rows) {
          assert.ok(a.start !== null && a.start <= on);
          assert.ok(a.end === null || (a.end > a.start && a.end <= on));
        }
      });

      test("service log: about 30 rows of every kind up to the demo date", () => {
        const rows = register.service;
        assert.ok(rows.length >= 25 && rows.length <= 35);
        for (const k of SERVICE_KINDS) {
          assert.ok(
            rows.some((s) => s.kind === k.key),
            k.title
          );
        }
        for (const s of rows) {
          assert.ok(s.date >= demo.period.from && s.date <= on, s.date);
          assert.ok(s.count >= 1);
        }
        assert.ok(rows.some((s) => s.covered > 0));
      });

      test("social passport: no «в том числе» row exceeds its parent row, no warning", () => {
        for (const p of register.passport) {
          for (const part of PASSPORT_PARTS) {
            for (const unit of ["children", "families"] as const) {
              assert.ok(
                p.values[part][unit] <= p.values.needSupport[unit],
                `${p.className} ${part} ${unit}`
              );
            }
          }
          const v = p.values;
          assert.ok(
            v.completeProsperous.children + v.needSupport.children <= v.total.children,
            p.className
          );
        }
        assert.deepEqual(passportWarnings(register.passport), []);
        const r = aggregateReport(register, demo.period).socialPassport;
        for (const part of PASSPORT_PARTS) {
          assert.ok(r[part].children <= r.needSupport.children, part);
          assert.ok(r[part].families <= r.needSupport.families, part);
        }
      });

      test("social passport: classes 1А…11А, families ≤ children, total ≥ parts", () => {
        assert.deepEqual(
          register.passport.map((p) => p.className),
          Array.from({ length: 11 }, (_, i) => `${i + 1}А`)
        );
        for (const p of register.passport) {
          for (const c of PASSPORT_CATEGORIES) {
            const v = p.values[c.key];
            assert.ok(v.families <= v.children, `${p.className} ${c.title}`);
            assert.ok(v.children <= p.values.total.children, `${p.className} ${c.title}`);
            assert.ok(v.families <= p.values.total.families, `${p.className} ${c.title}`);
          }
          assert.ok(p.values.total.children > 0);
        }
      });

      test("three signal cards, with and without an episode code", () => {
        const rows = register.signals;
        assert.equal(rows.length, 3);
        assert.ok(rows.some((s) => s.caseCode !== "") && rows.some((s) => s.caseCode === ""));
        for (const s of rows) {
          assert.ok(s.date !== null && s.date <= on);
          assert.ok(s.reasons.length > 0);
          assert.notEqual(s.fields["ФИО несовершеннолетнего"], "");
          assert.notEqual(s.fields["От кого"], "");
        }
      });

      test("«Журнал» names episodes by code only", () => {
        const names = new Set(episodes.flatMap((e) => [e.lastName, e.firstName]));
        const codes = new Set(episodes.map((e) => e.code));
        for (const row of demo.sheets.journal ?? []) {
          const code = row["Код"];
          assert.ok(code === null || codes.has(String(code)), String(code));
          for (const cell of Object.values(row)) {
            for (const n of names) {
              assert.ok(!String(cell ?? "").includes(n), `«${n}» in «Журнал»`);
            }
          }
        }
      });

      test("a note that begins with «=» stays text", () => {
        const notes = (demo.sheets.cases ?? []).map((r) => r["Примечание"]);
        assert.ok(notes.some((n) => typeof n === "string" && n.startsWith("=")));
        assert.ok(episodes.some((e) => e.note.startsWith("=")));
      });

      test("dates are date cells with valid ISO dates", () => {
        for (const key of SHEET_ORDER) {
          for (const row of demo.sheets[key] ?? []) {
            for (const cell of Object.values(row)) {
              const d = dateOf(cell);
              if (d !== null) {
                assert.ok(isIsoDate(d), `${key}: ${d}`);
              }
            }
          }
        }
      });
    });
  }

  test("the same date gives the same register", () => {
    for (const on of DATES) {
      assert.deepEqual(buildDemoRegister(on), buildDemoRegister(on));
      assert.equal(JSON.stringify(buildDemoRegister(on)), JSON.stringify(buildDemoRegister(on)));
    }
  });

  test("dates move with the demo date", () => {
    const a = buildDemoRegister("2026-11-23").sheets.cases?.[0]?.["Дата выявления"];
    const b = buildDemoRegister("2026-11-30").sheets.cases?.[0]?.["Дата выявления"];
    assert.equal(dateOf(b), addDays(dateOf(a) ?? "", 7));
  });

  test("a summer date uses the school year that has just ended", () => {
    const { demo, register } = parsed("2026-08-15");
    assert.equal(register.settings.schoolYear, "2025/2026");
    assert.equal(demo.period.from, "2025-09-01");
    assert.equal(demo.period.to, "2026-08-15");
  });

  test("a malformed date is refused", () => {
    assert.throws(() => buildDemoRegister("23.11.2026"), RangeError);
  });
});
