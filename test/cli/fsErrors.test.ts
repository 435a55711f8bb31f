/**
 * Every expected file-system error becomes a Russian message that names the path and says
 * what to do; the raw code never shows. (The errors a test can really cause — /proc, /sys, a
 * folder without rights, a name too long — are run through the binary in outputs.test.ts; a full
 * disk or a busy file cannot be caused here, so their wording is checked on the error objects.)
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { describeFsError, fsUserError, isExpectedFsError } from "../../src/cli/fsErrors";
import { UserError } from "../../src/cli/errors";

function fsError(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failed, ${syscall} '${path}'`), { code, syscall, path });
}

const PATH = "/школа/отчёты/ноябрь.xlsx";

describe("describeFsError", () => {
  const cases: { code: string; syscall: string; says: RegExp }[] = [
    { code: "EACCES", syscall: "open", says: /нет прав.*выберите другую папку/ },
    { code: "EACCES", syscall: "read", says: /нет прав на чтение/ },
    { code: "EPERM", syscall: "rename", says: /не разрешает запись/ },
    { code: "EROFS", syscall: "open", says: /только для чтения/ },
    { code: "ENOSPC", syscall: "write", says: /не хватает места/ },
    { code: "EDQUOT", syscall: "write", says: /квота/ },
    { code: "ENOTDIR", syscall: "open", says: /файл, а не папка/ },
    { code: "EISDIR", syscall: "open", says: /это папка, а не файл/ },
    { code: "ENAMETOOLONG", syscall: "open", says: /слишком длинное имя/ },
    { code: "EBUSY", syscall: "rename", says: /занят другой программой.*Excel/ },
    { code: "ENOENT", syscall: "mkdir", says: /нельзя создать/ },
    { code: "ENOENT", syscall: "stat", says: /не найдены/ },
    { code: "EEXIST", syscall: "link", says: /уже есть/ },
    { code: "EINVAL", syscall: "open", says: /недопустимое имя/ },
    { code: "EIO", syscall: "write", says: /ввода-вывода/ },
    { code: "EMFILE", syscall: "open", says: /слишком много файлов/ },
  ];
  for (const c of cases) {
    test(`${c.code} (${c.syscall}): names the path, says what to do, no code`, () => {
      const message = describeFsError(fsError(c.code, c.syscall, PATH));
      assert.ok(message !== null);
      assert.ok(message.startsWith(`${PATH}: `), message);
      assert.match(message, c.says);
      assert.doesNotMatch(message, /\bE[A-Z]{3,}\b/);
      assert.doesNotMatch(message.slice(PATH.length), /\b[a-z]{3,}\b/, "no English words");
    });
  }

  test("the caller's path and action win over the error's", () => {
    const message = describeFsError(fsError("EACCES", "open", "/tmp/.x.tmp"), PATH, "write");
    assert.ok(
      message?.startsWith(`${PATH}: не удалось записать: нет прав на запись`),
      message ?? ""
    );
  });

  test("an unknown code or a non-file-system error is not mapped (it is a bug: exit 2)", () => {
    assert.equal(describeFsError(fsError("EWHATEVER", "open", PATH)), null);
    assert.equal(describeFsError(new TypeError("x is undefined")), null);
    assert.equal(describeFsError(Object.assign(new Error("x"), { code: "EACCES" })), null);
    assert.equal(isExpectedFsError("EACCES"), false);
  });

  test("fsUserError is a UserError with exit code 1", () => {
    const e = fsUserError(fsError("ENOSPC", "write", PATH));
    assert.ok(e instanceof UserError);
    assert.equal(e.exitCode, 1);
  });
});
