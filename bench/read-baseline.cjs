// The baseline of the speed bound: merely reading the register with exceljs's streaming
// reader (same options as vshu's reader), touching every row's values.
"use strict";
const ExcelJS = require("exceljs");
const { STREAM_OPTIONS } = require("../build/cli/xlsx/readWorkbook.js");

async function main(path) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, STREAM_OPTIONS);
  let rows = 0;
  let cells = 0;
  for await (const ws of reader) {
    for await (const row of ws) {
      rows += 1;
      cells += row.values.length;
    }
  }
  process.stdout.write(`${rows} rows, ${cells} cell slots\n`);
}
main(process.argv[2]).catch((e) => {
  process.stderr.write(String(e && e.stack) + "\n");
  process.exit(1);
});
