/**
 * `vshu document` end to end: every kind for several episodes of the demo register and of a
 * register written by another program, as .xlsx and .docx, rendered by LibreOffice headless to
 * PDF and text: every filled value appears in the seed's order, each «Представление» and the
 * signal card is one A4 page, the Word file holds the same text as the worksheet. Then the bad
 * input of the command, through the real binary.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { makeDocument, runDocument } from "../../src/cli/commands/document";
import { DEMO_DOCUMENTS_DIR } from "../../src/cli/documents/demoDocuments";
import { readRegister } from "../../src/cli/xlsx/readRegister";
import { DOCUMENT_KINDS, type DocumentKind, type DocumentModel } from "../../src/core/documents";
import type { Register } from "../../src/core/register/model";
import type { Quarter } from "../../src/core/register/schema";
import { filledValues } from "../core/documentsValues";
import { writeOtherRegister } from "./documentsBook";
import {
  convertAllToPdf,
  missingInOrder,
  missingLettersInOrder,
  pdfPages,
  pdfText,
  words,
} from "./documentsRender";

const dir = mkdtempSync(join(tmpdir(), "vshu-documents-"));
const VSHU = join(__dirname, "..", "..", "bin", "vshu.js");
const ON = "2026-11-23";
const demoDir = join(dir, "demo");
const demoBook = join(demoDir, "книга_учёта.xlsx");
const otherBook = join(dir, "другая.xlsx");

function vshu(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [VSHU, ...args], { encoding: "utf8", timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Job {
  readonly book: string;
  readonly kind: DocumentKind;
  readonly code?: string;
  readonly row?: number;
  readonly quarter?: Quarter;
  readonly name: string;
}

/** Two episodes (or cards) of each kind from a register, as a social pedagogue would pick. */
function demoJobs(r: Register): Job[] {
  const open = r.episodes.filter((e) => e.registered !== null && e.removed === null);
  const level1 = open.filter((e) => e.level === 1 && e.familyCode !== "").slice(0, 2);
  const level2 = open.filter((e) => e.level === 2 && e.familyCode !== "").slice(0, 2);
  const unregistered = r.episodes.filter((e) => e.level === null).slice(0, 1);
  const cards = r.signals.filter((s) => s.caseCode !== "").slice(0, 2);
  const jobs: Job[] = [];
  const add = (kind: DocumentKind, code: string, quarter?: Quarter): void => {
    jobs.push({
      book: demoBook,
      kind,
      code,
      ...(quarter ? { quarter } : {}),
      name: `demo-${kind}-${code}`,
    });
  };
  for (const s of cards) {
    add("signal", s.caseCode);
  }
  for (const e of level1) {
    add("vshu-child", e.code);
    add("vshu-family", e.code);
    add("plan", e.code, "II");
  }
  for (const e of level2) {
    add("kdn-child", e.code);
    add("kdn-family", e.code);
    add("why", e.code);
  }
  for (const e of [...level1, ...unregistered]) {
    add("order", e.code);
    add("why", e.code);
  }
  add("plan", level2[0]?.code ?? "", "I");
  return jobs;
}

const OTHER_JOBS: Job[] = [
  { book: otherBook, kind: "signal", code: "A-2", name: "other-signal-A-2" },
  { book: otherBook, kind: "signal", row: 3, name: "other-signal-row-3" },
  { book: otherBook, kind: "vshu-child", code: "A-1", name: "other-vshu-child" },
  { book: otherBook, kind: "vshu-family", code: "a-1", name: "other-vshu-family" },
  { book: otherBook, kind: "kdn-child", code: "A-2", name: "other-kdn-child" },
  { book: otherBook, kind: "kdn-family", code: "A-2", name: "other-kdn-family" },
  { book: otherBook, kind: "kdn-child", code: "A-3", name: "other-kdn-child-unregistered" },
  { book: otherBook, kind: "plan", code: "A-1", quarter: "II", name: "other-plan" },
  { book: otherBook, kind: "order", code: "A-1", name: "other-order" },
  { book: otherBook, kind: "why", code: "A-2", name: "other-why" },
];

interface Rendered {
  readonly job: Job;
  readonly model: DocumentModel;
  readonly xlsx: { text: string; pages: number; width: number; height: number };
  readonly docx: { text: string; pages: number; width: number; height: number };
}

const rendered: Rendered[] = [];

const ONE_PAGE: ReadonlySet<DocumentKind> = new Set([
  "signal",
  "vshu-child",
  "vshu-family",
  "kdn-child",
  "kdn-family",
]);

describe("documents rendered by LibreOffice", () => {
  before(async () => {
    const demo = vshu("demo", "--out", demoDir, "--on", ON);
    assert.equal(demo.status, 0, demo.stderr);
    await writeOtherRegister(otherBook);
    const registers = new Map<string, Register>([
      [demoBook, await readRegister(demoBook)],
      [otherBook, await readRegister(otherBook)],
    ]);
    const jobs = [...demoJobs(registers.get(demoBook) as Register), ...OTHER_JOBS];
    const files: string[] = [];
    const models: DocumentModel[] = [];
    for (const job of jobs) {
      const req = {
        kind: job.kind,
        caseCode: job.code,
        row: job.row,
        quarter: job.quarter,
        on: ON,
        force: true,
      };
      models.push(makeDocument(registers.get(job.book) as Register, job.book, req).model);
      for (const ext of ["xlsx", "docx"]) {
        const out = join(dir, "out", `${job.name}-${ext}.${ext}`);
        await runDocument({
          book: job.book,
          kind: job.kind,
          caseCode: job.code,
          row: job.row === undefined ? undefined : String(job.row),
          quarter: job.quarter,
          on: ON,
          out,
          force: true,
        });
        files.push(out);
      }
    }
    const pdfs = convertAllToPdf(files, join(dir, "pdf"));
    jobs.forEach((job, i) => {
      const read = (pdf: string) => ({ text: pdfText(pdf), ...pdfPages(pdf) });
      rendered.push({
        job,
        model: models[i] as DocumentModel,
        xlsx: read(pdfs[2 * i] as string),
        docx: read(pdfs[2 * i + 1] as string),
      });
    });
  });

  test("every kind is rendered, for more than one case of the demo register", () => {
    for (const kind of DOCUMENT_KINDS) {
      const demo = rendered.filter((r) => r.job.kind === kind && r.job.book === demoBook);
      assert.ok(demo.length >= 2, `${kind}: ${demo.length}`);
      assert.ok(
        rendered.some((r) => r.job.kind === kind && r.job.book === otherBook),
        kind
      );
    }
  });

  test("every filled value appears, in the seed's order, in the worksheet and in the Word file", () => {
    for (const r of rendered) {
      const values = filledValues(r.model);
      assert.ok(values.length > 3, `${r.job.name}: ${values.length} values`);
      assert.deepEqual(
        missingInOrder(r.xlsx.text, values),
        [],
        `${r.job.name} (.xlsx)\n${r.xlsx.text}`
      );
      // Word keeps the table's column widths: on a machine without Times New Roman (or its twin,
      // Liberation Serif) the wider substitute may break a long word in the plan's narrow columns.
      assert.deepEqual(
        (r.job.kind === "plan" ? missingLettersInOrder : missingInOrder)(r.docx.text, values),
        [],
        `${r.job.name} (.docx)\n${r.docx.text}`
      );
    }
  });

  test("A4 portrait; each «Представление» and the signal card on exactly one page", () => {
    for (const r of rendered) {
      for (const [format, p] of [
        ["xlsx", r.xlsx],
        ["docx", r.docx],
      ] as const) {
        assert.ok(
          Math.abs(p.width - 595.3) < 1 && Math.abs(p.height - 841.9) < 1,
          `${r.job.name} ${format}: ${p.width}×${p.height}`
        );
        if (ONE_PAGE.has(r.job.kind) || r.job.kind === "why") {
          assert.equal(p.pages, 1, `${r.job.name} (${format})`);
        }
      }
    }
  });

  test("the Word file holds the same text as the worksheet", () => {
    // The same characters: the two lay text out differently (a worksheet's cells, Word's
    // paragraphs), so lines break elsewhere; every value's order is checked above.
    const letters = (t: string) => [...t.replace(/\s+/g, "")].sort().join("");
    for (const r of rendered) {
      assert.equal(letters(r.docx.text), letters(r.xlsx.text), r.job.name);
    }
  });

  test("a register written by another program: its v2 columns reach the documents", () => {
    const find = (name: string) => rendered.find((r) => r.job.name === name) as Rendered;
    const has = (text: string, value: string): boolean =>
      missingInOrder(text, [value]).length === 0;
    const plan = find("other-plan");
    for (const v of [
      "Консультации педагога-психолога",
      "выполнено 12.11.2026",
      "Родительский лекторий «Подросток и семья»",
      "Запись в секцию вольной борьбы",
      "Ооржак Сайлыкмаа Кан-ооловна",
    ]) {
      assert.ok(has(plan.xlsx.text, v), v);
      assert.ok(has(plan.docx.text, v), v);
    }
    assert.ok(
      !plan.xlsx.text.includes("Каникулярная"),
      "an action of the holidays after quarter I"
    );
    assert.ok(has(find("other-kdn-family").docx.text, "Айдаш, 2005, работает"), "«Дети семьи»");
    const kdn = find("other-kdn-child").xlsx.text;
    assert.ok(has(kdn, "Донгак Чечек Маадыровна"), "the deputy director");
    assert.ok(has(kdn, "органа внутренних дел (ПДН ОВД)"), "the source in full");
  });

  test("the signal card without a code, chosen by its row", () => {
    const card = rendered.find((r) => r.job.name === "other-signal-row-3") as Rendered;
    const t = words(card.docx.text).join(" ");
    assert.ok(t.includes("Салчак Эрес Айдынович"));
    assert.ok(t.includes("Неорганизован"));
    assert.ok(t.includes("Бродяжничество несовершеннолетнего"));
  });

  test("`vshu demo` writes one of each kind in both formats, and they open", async () => {
    const files = readdirSync(join(demoDir, DEMO_DOCUMENTS_DIR)).sort();
    assert.equal(
      files.filter((f) => f.endsWith(".xlsx")).length,
      DOCUMENT_KINDS.length,
      files.join(", ")
    );
    assert.equal(
      files.filter((f) => f.endsWith(".docx")).length,
      DOCUMENT_KINDS.length,
      files.join(", ")
    );
    for (const f of files) {
      const zip = await JSZip.loadAsync(readFileSync(join(demoDir, DEMO_DOCUMENTS_DIR, f)));
      const part = f.endsWith(".docx") ? "word/document.xml" : "xl/worksheets/sheet1.xml";
      assert.ok(zip.file(part), `${f}: ${part}`);
    }
  });
});

describe("vshu document: bad input", () => {
  const out = join(dir, "bad");
  before(() => {
    if (!existsSync(demoBook)) {
      assert.equal(vshu("demo", "--out", demoDir, "--on", ON).status, 0);
    }
  });
  after(() => {
    rmSync(out, { recursive: true, force: true });
  });
  const noOutput = (): void => {
    const left = existsSync(out) ? readdirSync(out) : [];
    assert.deepEqual(
      left.filter((f) => !f.startsWith("keep")),
      [],
      "nothing written, no temporary file left"
    );
  };
  const base = (...args: string[]): string[] => ["document", demoBook, "--on", ON, ...args];

  test("an unknown case code: exit 1 naming it and the closest codes", () => {
    const r = vshu(...base("--case", "В-41", "--kind", "why", "--out", join(out, "x.docx")));
    assert.equal(r.status, 1, r.stderr);
    assert.match(
      r.stderr,
      /книга_учёта\.xlsx: на листе «Учёт» нет случая с кодом «В-41»; похожие коды: «В-040», «В-031», «В-021»/
    );
    noOutput();
  });

  test("annex 4 for a level-1 case: exit 1 with the reason; --force makes it", () => {
    const file = join(out, "kdn.xlsx");
    const r = vshu(...base("--case", "В-006", "--kind", "kdn-child", "--out", file));
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /социально опасном положении.*В-006.*уровень 1/);
    assert.match(r.stderr, /--force/);
    noOutput();
    const forced = vshu(
      ...base("--case", "В-006", "--kind", "kdn-child", "--out", file, "--force")
    );
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(forced.stdout, /Внимание/);
    assert.ok(existsSync(file));
    rmSync(file);
  });

  test("a plan for a quarter the case was not on the register: exit 1", () => {
    const r = vshu(
      ...base("--case", "В-031", "--kind", "plan", "--quarter", "I", "--out", join(out, "p.docx"))
    );
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /не состоял на учёте в I четверти: он поставлен на учёт 16\.11\.2026/);
    noOutput();
  });

  const refused: [string, string[], RegExp][] = [
    [
      "an unknown kind",
      ["--case", "В-006", "--kind", "spravka", "--out", join(out, "a.xlsx")],
      /неизвестный вид документа; допустимы: signal/,
    ],
    [
      "another extension",
      ["--case", "В-006", "--kind", "why", "--out", join(out, "a.pdf")],
      /\.xlsx \(лист Excel\) или \.docx \(Word\)/,
    ],
    ["no case", ["--kind", "why", "--out", join(out, "a.xlsx")], /укажите код случая/],
    [
      "a quarter that is none",
      ["--case", "В-006", "--kind", "plan", "--quarter", "V", "--out", join(out, "a.xlsx")],
      /I, II, III или IV/,
    ],
    [
      "a signal card of a case without one",
      ["--case", "В-006", "--kind", "signal", "--out", join(out, "a.xlsx")],
      /нет сигнальной карты.*--row/,
    ],
    [
      "a row of «Сигналы» that holds no card",
      ["--kind", "signal", "--row", "40", "--out", join(out, "a.xlsx")],
      /нет карты в строке 40/,
    ],
  ];
  for (const [name, args, message] of refused) {
    test(name, () => {
      const r = vshu(...base(...args));
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stderr, message);
      noOutput();
    });
  }

  test("an existing file: refused without --force, replaced with it", () => {
    const file = join(out, "keep.docx");
    const first = vshu(...base("--case", "В-006", "--kind", "why", "--out", file));
    assert.equal(first.status, 0, first.stderr);
    const bytes = readFileSync(file);
    const again = vshu(...base("--case", "В-006", "--kind", "order", "--out", file));
    assert.equal(again.status, 1);
    assert.match(again.stderr, /файл уже существует.*--force/);
    assert.deepEqual(readFileSync(file), bytes);
    const forced = vshu(...base("--case", "В-006", "--kind", "order", "--out", file, "--force"));
    assert.equal(forced.status, 0, forced.stderr);
    assert.notDeepEqual(readFileSync(file), bytes);
    rmSync(file);
  });

  test("never the register, nor another register, even with --force", () => {
    const before = readFileSync(demoBook);
    const self = vshu(...base("--case", "В-006", "--kind", "why", "--out", demoBook, "--force"));
    assert.equal(self.status, 1);
    assert.match(self.stderr, /входной файл/);
    const copy = join(dir, "копия_книги.xlsx");
    copyFileSync(demoBook, copy);
    const other = vshu(...base("--case", "В-006", "--kind", "why", "--out", copy, "--force"));
    assert.equal(other.status, 1);
    assert.match(other.stderr, /это книга учёта/);
    assert.deepEqual(readFileSync(demoBook), before);
    assert.deepEqual(readFileSync(copy), before);
  });
});
