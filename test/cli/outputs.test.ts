/**
 * Nothing lost, whatever the user types, on the writing side — through the real binary: no
 * command overwrites an existing file without --force, none ever overwrites a register or its
 * own input even with --force, and an output path that cannot be made (under /proc, a folder
 * without write permission, under a file, a name too long) is exit 1 in Russian, at once.
 * Every refusal: exit 1, a message naming the place, no output written, inputs byte-identical,
 * no temporary file left.
 */
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { DEMO_FILES } from "../../src/cli/commands/demo";
import { RAW_ERROR_WORDS, sha, snapshot, vshu, type Run } from "../support/vshuBin";
import { convertWithLibreOffice } from "../support/libreOffice";

const dir = mkdtempSync(join(tmpdir(), "vshu-out-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const PERIOD = ["--from", "2026-09-01", "--to", "2026-11-30"] as const;

/** One register written by `vshu init`, copied into each test's folder. */
const TEMPLATE = join(dir, "шаблон.xlsx");
const init = vshu(["init", TEMPLATE, "--school", "Школа", "--year", "2026/2027"]);
assert.equal(init.status, 0, init.stderr);

let counter = 0;
/** A fresh folder with a valid register `книга.xlsx`. */
function folderWithBook(): { folder: string; book: string } {
  const folder = join(dir, `case-${++counter}`);
  mkdirSync(folder);
  const book = join(folder, "книга.xlsx");
  copyFileSync(TEMPLATE, book);
  return { folder, book };
}

/** Exit 1, every fragment in the message, nothing raw, nothing on stdout. */
function refused(r: Run, ...fragments: string[]): void {
  assert.equal(r.status, 1, `exit code (stderr: ${r.stderr})`);
  assert.equal(r.stdout, "");
  for (const f of fragments) {
    assert.ok(r.stderr.includes(f), `«${f}» missing from: ${r.stderr}`);
  }
  for (const raw of RAW_ERROR_WORDS) {
    assert.doesNotMatch(r.stderr, raw);
  }
}

/** Runs a command that must be refused and must leave the folder exactly as it was. */
function refusedUntouched(folder: string, args: readonly string[], ...fragments: string[]): void {
  const before = snapshot(folder);
  refused(vshu(args), ...fragments);
  assert.deepEqual(snapshot(folder), before, "nothing written, nothing changed, no temporary file");
}

describe("an output never replaces the command's input or a register", () => {
  test("report --out onto its own register: refused, even with --force", () => {
    const { folder, book } = folderWithBook();
    for (const force of [[], ["--force"]]) {
      refusedUntouched(
        folder,
        ["report", book, ...PERIOD, "--out", book, ...force],
        `--out ${book}`,
        "входной файл"
      );
    }
  });

  test("the same register under another path: a symbolic link, a hard link, a ../ detour", () => {
    const { folder, book } = folderWithBook();
    const soft = join(folder, "ссылка.xlsx");
    symlinkSync(book, soft);
    const hard = join(folder, "жёсткая.xlsx");
    linkSync(book, hard);
    const detour = join(folder, "..", `case-${counter}`, ".", "книга.xlsx");
    for (const out of [soft, hard, detour]) {
      refusedUntouched(
        folder,
        ["report", book, ...PERIOD, "--out", out, "--force"],
        out,
        "входной файл"
      );
    }
  });

  test("report --out onto another register, whatever its name: refused, even with --force", () => {
    const { folder, book } = folderWithBook();
    // Found by its content: a copy of a register under any name or extension is a register.
    for (const name of ["отчёт.xlsx", "ноябрь.XLSX"]) {
      const other = join(folder, name);
      copyFileSync(book, other);
      refusedUntouched(
        folder,
        ["report", book, ...PERIOD, "--out", other, "--force"],
        other,
        "книга учёта ВШУ",
        "даже с --force"
      );
    }
  });

  test("a register that is only a table tblCases (sheets renamed) is still a register", async () => {
    const { folder, book } = folderWithBook();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    for (const ws of wb.worksheets) {
      ws.name = `Лист${ws.id}`;
    }
    const renamed = join(folder, "переименованная.xlsx");
    await wb.xlsx.writeFile(renamed);
    refusedUntouched(
      folder,
      ["report", book, ...PERIOD, "--out", renamed, "--force"],
      "книга учёта ВШУ"
    );
  });

  test("init onto a register or any existing file: refused, the file unchanged", () => {
    const { folder, book } = folderWithBook();
    refusedUntouched(folder, ["init", book], book, "книга учёта ВШУ");
    const notes = join(folder, "заметки.xlsx");
    writeFileSync(notes, "мои заметки");
    refusedUntouched(folder, ["init", notes], notes, "уже существует");
    // init has no --force at all.
    refusedUntouched(folder, ["init", notes, "--force"], "--force");
  });
});

describe("an existing file is replaced only with --force", () => {
  test("report --out onto an existing file: refused without --force, replaced with it", async () => {
    const { folder, book } = folderWithBook();
    const out = join(folder, "отчёт.xlsx");
    writeFileSync(out, "старый отчёт");
    refusedUntouched(
      folder,
      ["report", book, ...PERIOD, "--out", out],
      out,
      "уже существует",
      "--force"
    );
    const bookBefore = sha(book);
    const r = vshu(["report", book, ...PERIOD, "--out", out, "--force"]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(sha(book), bookBefore, "the register is untouched");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    assert.ok(wb.getWorksheet("Отчёт"), "the old file was replaced by the report");
  });

  test("report with neither --out nor --json: exit 1, says to add one", () => {
    const { folder, book } = folderWithBook();
    refusedUntouched(folder, ["report", book, ...PERIOD], "--out", "--json");
  });
});

describe("vshu demo --out DIR", () => {
  test("twice: refused without --force; with --force the demo's own register is replaced", () => {
    const out = join(dir, "demo-twice");
    const first = vshu(["demo", "--out", out, "--on", "2026-11-23"]);
    assert.equal(first.status, 0, first.stderr);
    const before = snapshot(out);
    const again = vshu(["demo", "--out", out, "--on", "2026-11-23"]);
    refused(again, DEMO_FILES.register, DEMO_FILES.report, "--force", "не записаны");
    assert.deepEqual(snapshot(out), before);
    const forced = vshu(["demo", "--out", out, "--on", "2026-11-24", "--force"]);
    assert.equal(forced.status, 0, forced.stderr);
    assert.notEqual(sha(join(out, DEMO_FILES.deadlines)), before[DEMO_FILES.deadlines]);
  });

  test("a folder holding a user's register at the demo's name: refused even with --force, nothing written", () => {
    const { folder, book } = folderWithBook();
    copyFileSync(book, join(folder, DEMO_FILES.register));
    refusedUntouched(
      folder,
      ["demo", "--out", folder, "--force"],
      DEMO_FILES.register,
      "книга учёта ВШУ",
      "не записаны"
    );
  });

  test("the demo's register with the school renamed is the user's now: refused", async () => {
    const out = join(dir, "demo-renamed");
    assert.equal(vshu(["demo", "--out", out]).status, 0);
    const register = join(out, DEMO_FILES.register);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(register);
    const settings = wb.getWorksheet("Настройки");
    assert.ok(settings);
    let changed = false;
    settings.eachRow((row) => {
      if (row.getCell(1).value === "Образовательная организация") {
        row.getCell(2).value = "МБОУ СОШ № 1 г. Кызыла";
        changed = true;
      }
    });
    assert.ok(changed);
    await wb.xlsx.writeFile(register);
    refusedUntouched(out, ["demo", "--out", out, "--force"], "книга учёта ВШУ");
  });

  test("a demo register without the marker (an earlier version's) is still the demo's own", async () => {
    const out = join(dir, "demo-unmarked");
    assert.equal(vshu(["demo", "--out", out]).status, 0);
    const register = join(out, DEMO_FILES.register);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(register);
    wb.keywords = "";
    wb.subject = "";
    await wb.xlsx.writeFile(register);
    const r = vshu(["demo", "--out", out, "--force"]);
    assert.equal(r.status, 0, r.stderr);
  });

  test("the demo's register resaved by LibreOffice is still the demo's own", () => {
    const out = join(dir, "demo-lo");
    assert.equal(vshu(["demo", "--out", out]).status, 0);
    const resaved = convertWithLibreOffice(
      join(out, DEMO_FILES.register),
      "xlsx:Calc MS Excel 2007 XML",
      join(dir, "demo-lo-resaved")
    );
    copyFileSync(resaved, join(out, DEMO_FILES.register));
    const r = vshu(["demo", "--out", out, "--force"]);
    assert.equal(r.status, 0, r.stderr);
  });

  test("--out naming a file, not a folder: refused", () => {
    const { folder, book } = folderWithBook();
    refusedUntouched(folder, ["demo", "--out", book], book, "не папка");
  });
});

/** Whether this process can run the binary as another account whose permissions apply. */
function canRunAsNobody(): boolean {
  if (process.getuid?.() !== 0) {
    return false;
  }
  return spawnSync("runuser", ["-u", "nobody", "--", "true"]).status === 0;
}

describe("an output path that cannot be made: exit 1 at once, in Russian", () => {
  test("under /proc (a recursive mkdir there spun forever)", () => {
    const { folder, book } = folderWithBook();
    refusedUntouched(
      folder,
      ["report", book, ...PERIOD, "--out", "/proc/vshu-nowhere/r.xlsx"],
      "/proc/vshu-nowhere",
      "нельзя создать"
    );
    assert.equal(existsSync("/proc/vshu-nowhere"), false);
    refusedUntouched(folder, ["demo", "--out", "/proc/vshu-nowhere/demo"], "/proc/vshu-nowhere");
  });

  test("a folder the kernel refuses to write even for root (/sys): «нет прав», not EACCES", () => {
    const { folder, book } = folderWithBook();
    refusedUntouched(
      folder,
      ["report", book, ...PERIOD, "--out", "/sys/vshu-r.xlsx"],
      "/sys",
      "нет прав"
    );
    assert.equal(existsSync("/sys/vshu-r.xlsx"), false);
  });

  // Root ignores permission bits: then the binary runs as «nobody» (runuser); where that is not
  // possible the test is not defined (/sys above still shows the message for root).
  const asRoot = process.getuid?.() === 0;
  const permissionsApply = !asRoot || canRunAsNobody();
  if (permissionsApply)
    test("a folder without write permission, as a user the permission applies to", () => {
      const { folder, book } = folderWithBook();
      const locked = join(folder, "только-чтение");
      mkdirSync(locked);
      chmodSync(locked, 0o555);
      // The account must reach the register and the program: open the temporary folders to it.
      chmodSync(dir, 0o755);
      chmodSync(folder, 0o755);
      chmodSync(book, 0o644);
      const user = asRoot ? "nobody" : undefined;
      const before = snapshot(folder);
      const out = join(locked, "отчёт.xlsx");
      refused(vshu(["report", book, ...PERIOD, "--out", out], user), out, locked, "нет прав");
      refused(vshu(["init", join(locked, "новая.xlsx")], user), locked, "нет прав");
      refused(vshu(["demo", "--out", join(locked, "демо")], user), locked, "нет прав");
      assert.deepEqual(snapshot(folder), before);
      // Reading a register the account may not read: the same kind of message.
      chmodSync(book, 0o600);
      refused(vshu(["deadlines", book], user), book, "нет прав на чтение");
      chmodSync(book, 0o644);
    });

  test("under a file, onto a folder, a name too long", () => {
    const { folder, book } = folderWithBook();
    refusedUntouched(
      folder,
      ["report", book, ...PERIOD, "--out", join(book, "r.xlsx")],
      "это файл, а не папка"
    );
    refusedUntouched(
      folder,
      ["report", book, ...PERIOD, "--out", join(book, "глубже", "r.xlsx")],
      `${book} — это файл, а не папка`
    );
    const folderNamedLikeReport = join(folder, "отчёты.xlsx");
    mkdirSync(folderNamedLikeReport);
    refusedUntouched(
      folder,
      ["report", book, ...PERIOD, "--out", folderNamedLikeReport, "--force"],
      folderNamedLikeReport,
      "это папка"
    );
    const long = join(folder, `${"отчёт".repeat(40)}.xlsx`);
    refusedUntouched(folder, ["report", book, ...PERIOD, "--out", long], "слишком длинное имя");
  });

  test("the refused runs left the register readable and unchanged", () => {
    const { book } = folderWithBook();
    const bytes = readFileSync(book);
    vshu(["report", book, ...PERIOD, "--out", "/proc/vshu-nowhere/r.xlsx"]);
    assert.ok(readFileSync(book).equals(bytes));
    assert.equal(vshu(["report", book, ...PERIOD, "--json"]).status, 0);
  });
});
