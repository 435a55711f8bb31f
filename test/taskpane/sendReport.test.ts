/**
 * «Отправка в министерство»: the report due on a day (the month before, by «День отчёта») and
 * the letter — the same subject, body and file name `vshu send` uses, the recipient from the
 * settings or the order's address.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { aggregateReport } from "../../src/core/report";
import { reportMail } from "../../src/core/report/mailText";
import { MONTHLY_COMMAND, sendPlan } from "../../src/taskpane/logic/sendReport";
import { aRegister, aSettings, randomRegister } from "../support/builders";

describe("sendPlan", () => {
  const cases = [
    { today: "2026-12-02", reportDay: 5, month: "2026-11", late: false, deadline: "05.12.2026" },
    { today: "2026-12-05", reportDay: 5, month: "2026-11", late: false, deadline: "05.12.2026" },
    { today: "2026-12-06", reportDay: 5, month: "2026-11", late: true, deadline: "05.12.2026" },
    { today: "2027-01-10", reportDay: 10, month: "2026-12", late: false, deadline: "10.01.2027" },
    { today: "2027-03-01", reportDay: 31, month: "2027-02", late: false, deadline: "31.03.2027" },
  ] as const;
  for (const c of cases) {
    test(`on ${c.today} with «День отчёта» ${c.reportDay}: ${c.month}${c.late ? ", late" : ""}`, () => {
      const register = aRegister({ settings: aSettings({ reportDay: c.reportDay }) });
      const plan = sendPlan(register, c.today);
      assert.equal(plan.due.month, c.month);
      assert.equal(plan.due.late, c.late);
      assert.ok(plan.headline.includes(`срок сдачи — ${c.deadline}`), plan.headline);
      assert.equal(plan.headline.includes("срок прошёл"), c.late);
    });
  }

  test("the report of that month and the letter `vshu send` writes for it", () => {
    const register = randomRegister(3, 80);
    const plan = sendPlan(register, "2026-12-02");
    const expected = aggregateReport(register, { from: "2026-11-01", to: "2026-11-30" });
    assert.deepEqual(plan.report, expected);
    assert.deepEqual(plan.mail, reportMail(expected));
    assert.match(plan.mail.attachmentName, /^Отчёт ВШУ .+ ноябрь 2026\.xlsx$/);
    assert.match(plan.mail.subject, /^Отчёт ВШУ за ноябрь 2026 г\.: /);
  });

  test("the recipient: «Адрес министерства», else the order's address", () => {
    const own = aRegister({ settings: aSettings({ ministryAddress: " minobr@rtyva.ru " }) });
    assert.equal(sendPlan(own, "2026-12-02").address, "minobr@rtyva.ru");
    const none = aRegister({ settings: aSettings({ ministryAddress: "" }) });
    assert.equal(sendPlan(none, "2026-12-02").address, "yospitanie17@yandex.ru");
    assert.match(MONTHLY_COMMAND, /^vshu monthly .+\.xlsx --send$/);
  });
});
