import { describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Episode, Register } from "../../src/core/register/model";
import { aggregateReport } from "../../src/core/report/aggregate";
import { consolidateReports } from "../../src/core/report/consolidate";
import type { ChildFamilyCount, ReportJson } from "../../src/core/report/types";
import { aRegister, anEpisode, RANDOM_PERIODS, randomRegister } from "../support/builders";

const OCTOBER = { from: "2026-10-01", to: "2026-10-31" };
const SEEDS = Array.from({ length: 60 }, (_, i) => i + 1000);

function forEachRandomReport(check: (r: ReportJson, reg: Register, label: string) => void): void {
  for (const seed of SEEDS) {
    const reg = randomRegister(seed, 20 + (seed % 80));
    for (const p of RANDOM_PERIODS) {
      check(aggregateReport(reg, p), reg, `seed ${seed}, ${p.from}..${p.to}`);
    }
  }
}

function allCounts(r: ReportJson): ChildFamilyCount[] {
  const rows = [r.register.level1, r.register.level2].flatMap((l) => [
    l.total,
    ...Object.values(l.indicators),
  ]);
  return [
    ...rows.flatMap((x) => [x.registered, x.onRegister]),
    r.register.removed.level1,
    r.register.removed.level2,
  ];
}

/** Gives every registered episode at least one indicator of its own level. */
function withOwnIndicators(reg: Register): Register {
  const episodes = reg.episodes.map((e): Episode => {
    const prefix = e.level === 1 ? "Р" : "С";
    return e.level === null || e.indicators.some((c) => c.startsWith(prefix))
      ? e
      : { ...e, indicators: [...e.indicators, `${prefix}1`] };
  });
  return { ...reg, episodes };
}

describe("report properties", () => {
  test("two children of one family: children 2, families 1", () => {
    const episodes = [
      anEpisode({ childKey: "a", familyCode: "F", registered: "2026-10-01" }),
      anEpisode({ childKey: "b", familyCode: "F", registered: "2026-10-20" }),
    ];
    const r = aggregateReport(aRegister({ episodes }), OCTOBER);
    assert.deepEqual(r.register.level1.total, {
      registered: { children: 2, families: 1 },
      onRegister: { children: 2, families: 1 },
    });
    assert.equal(r.assistance[0]?.level1.families, 1);
  });

  test("removed on the period's last day: off the register at `to`, counted as removed", () => {
    const r = aggregateReport(
      aRegister({ episodes: [anEpisode({ removed: OCTOBER.to })] }),
      OCTOBER
    );
    assert.equal(r.register.level1.total.onRegister.children, 0);
    assert.equal(r.register.removed.level1.children, 1);
  });

  test("registered on `from` counts as registered within the period", () => {
    const r = aggregateReport(
      aRegister({ episodes: [anEpisode({ registered: OCTOBER.from })] }),
      OCTOBER
    );
    assert.equal(r.register.level1.total.registered.children, 1);
    assert.equal(r.register.level1.indicators["Р2"]?.registered.children, 1);
  });

  test("removed the day after `to`: still on the register, not removed", () => {
    const r = aggregateReport(
      aRegister({ episodes: [anEpisode({ removed: "2026-11-01" })] }),
      OCTOBER
    );
    assert.equal(r.register.level1.total.onRegister.children, 1);
    assert.equal(r.register.removed.level1.children, 0);
  });

  test("a transfer 1→2 within the period: not removed from level 1, registered once at level 2", () => {
    const episodes = [
      anEpisode({
        code: "1",
        childKey: "x",
        registered: "2026-09-10",
        removed: "2026-10-12",
        removalReason: "переведён в СОП",
      }),
      anEpisode({
        code: "2",
        childKey: "x",
        level: 2,
        registered: "2026-10-12",
        indicators: ["С5"],
      }),
    ];
    const r = aggregateReport(aRegister({ episodes }), OCTOBER).register;
    assert.deepEqual(r.removed, {
      level1: { children: 0, families: 0 },
      level2: { children: 0, families: 0 },
    });
    assert.deepEqual(r.level2.total.registered, { children: 1, families: 1 });
    assert.deepEqual(r.level1.total.registered, { children: 0, families: 0 });
    assert.equal(r.level1.total.onRegister.children, 0);
    assert.equal(r.level2.total.onRegister.children, 1);
  });

  describe("which level-1 removals are transfers", () => {
    const level1 = (removalReason: string, childKey = "x") =>
      anEpisode({
        code: "1",
        childKey,
        registered: "2026-09-10",
        removed: "2026-10-12",
        removalReason,
      });
    const level2 = (registered: string, removed: string | null = null) =>
      anEpisode({ code: "2", childKey: "x", level: 2, registered, removed, indicators: ["С5"] });
    const cases: ReadonlyArray<[string, ReturnType<typeof anEpisode>[], number]> = [
      [
        "the pane's ground, level-2 episode the same day",
        [level1("переведён в СОП"), level2("2026-10-12")],
        0,
      ],
      [
        "the ground in other case and spacing, with a decision",
        [level1(" Переведен  в соп, пост. № 4")],
        0,
      ],
      ["the ground alone, level-2 episode not entered yet", [level1("переведён в СОП")], 0],
      [
        "another ground, the child at level 2 that day",
        [level1("по постановлению КДН и ЗП"), level2("2026-10-01")],
        0,
      ],
      [
        "another ground, level 2 only from the next day",
        [level1("по постановлению КДН и ЗП"), level2("2026-10-13")],
        1,
      ],
      [
        "another ground, level 2 ended before",
        [level1("по постановлению КДН и ЗП"), level2("2026-09-01", "2026-10-12")],
        1,
      ],
      [
        "another ground, a different child at level 2",
        [level1("по постановлению КДН и ЗП", "y"), level2("2026-10-12")],
        1,
      ],
      ["left for another school", [level1("переведён в другую школу")], 1],
      ["positive changes", [level1("положительная динамика")], 1],
    ];
    for (const [label, episodes, removed] of cases) {
      test(label, () => {
        const r = aggregateReport(aRegister({ episodes }), OCTOBER).register;
        assert.equal(r.removed.level1.children, removed);
        assert.equal(r.removed.level1.families, removed);
      });
    }

    test("a level-2 removal is a removal whatever its ground", () => {
      const episodes = [
        anEpisode({
          level: 2,
          indicators: ["С5"],
          removed: "2026-10-20",
          removalReason: "переведён в СОП",
        }),
      ];
      const r = aggregateReport(aRegister({ episodes }), OCTOBER).register;
      assert.deepEqual(r.removed.level2, { children: 1, families: 1 });
    });
  });

  test("level totals ≥ every indicator row and ≤ their sum (every episode with an indicator of its level)", () => {
    for (const seed of SEEDS) {
      const reg = withOwnIndicators(randomRegister(seed, 20 + (seed % 80)));
      for (const p of RANDOM_PERIODS) {
        const r = aggregateReport(reg, p);
        for (const level of [r.register.level1, r.register.level2]) {
          for (const column of ["registered", "onRegister"] as const) {
            for (const unit of ["children", "families"] as const) {
              const total = level.total[column][unit];
              const rows = Object.values(level.indicators).map((x) => x[column][unit]);
              const label = `seed ${seed} ${p.from}..${p.to} ${column}.${unit}`;
              assert.ok(
                rows.every((n) => n <= total),
                label
              );
              assert.ok(total <= rows.reduce((a, b) => a + b, 0), label);
            }
          }
        }
      }
    }
  });

  test("families ≤ children in every cell of section II", () => {
    forEachRandomReport((r, _, label) => {
      for (const c of allCounts(r)) {
        assert.ok(c.families <= c.children, label);
      }
    });
  });

  test("section III: byKind ≤ helped ≤ families; families = families on the register in II", () => {
    forEachRandomReport((r, _, label) => {
      const row = r.assistance[0];
      assert.ok(row, label);
      for (const [help, level] of [
        [row.level1, r.register.level1],
        [row.level2, r.register.level2],
      ] as const) {
        assert.ok(help.helped <= help.families, label);
        assert.equal(help.families, level.total.onRegister.families, label);
        assert.ok(
          Object.values(help.byKind).every((n) => n <= help.helped),
          label
        );
      }
    });
  });

  test("section V: each level ≤ total ≤ level 1 + level 2 ≤ children on the register", () => {
    forEachRandomReport((r, _, label) => {
      const present =
        r.register.level1.total.onRegister.children + r.register.level2.total.onRegister.children;
      for (const a of Object.values(r.activities)) {
        assert.ok(
          a.level1 <= a.total && a.level2 <= a.total && a.total <= a.level1 + a.level2,
          label
        );
        assert.ok(a.level1 + a.level2 <= present, label);
      }
    });
  });

  test("consolidating one report gives that report's counts", () => {
    forEachRandomReport((r, _, label) => {
      const meta = {
        district: r.district,
        schoolYear: r.schoolYear,
        from: r.from,
        to: r.to,
        school: r.school,
      };
      assert.deepEqual(consolidateReports([r], meta), r, label);
    });
  });

  test("consolidating two reports doubles every count of one of them", () => {
    const r = aggregateReport(randomRegister(7, 80), RANDOM_PERIODS[4] ?? OCTOBER);
    const d = consolidateReports([r, r], {
      district: r.district,
      schoolYear: r.schoolYear,
      from: r.from,
      to: r.to,
    });
    assert.deepEqual(
      d.register.level2.indicators["С3"]?.onRegister.children,
      2 * (r.register.level2.indicators["С3"]?.onRegister.children ?? 0)
    );
    assert.equal(d.service.III.covered, 2 * r.service.III.covered);
    assert.equal(d.activities.other.total, 2 * r.activities.other.total);
    assert.equal(d.assistance.length, 2);
    assert.notEqual(d.assistance[0], r.assistance[0]);
  });

  test("does not mutate the register", () => {
    const reg = randomRegister(42, 60);
    const before = JSON.stringify(reg);
    aggregateReport(reg, OCTOBER);
    assert.equal(JSON.stringify(reg), before);
  });

  test("10 000 episodes and 30 000 other rows: level totals never exceed the register (speed: npm run bench)", () => {
    const reg = randomRegister(2026, 10_000);
    assert.ok(reg.episodes.length >= 10_000);
    assert.ok(reg.assistance.length + reg.activities.length + reg.service.length >= 30_000);
    const r = aggregateReport(reg, { from: "2026-09-01", to: "2027-05-31" });
    const children = new Set(reg.episodes.map((e) => e.childKey)).size;
    assert.ok(
      r.register.level1.total.onRegister.children + r.register.level2.total.onRegister.children <=
        children
    );
    assert.ok(r.register.level1.total.registered.children > 0);
  });
});
