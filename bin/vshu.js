#!/usr/bin/env node
"use strict";
// The `vshu` command: runs the compiled command line (npm's "prepare" builds it into build/).
const path = require("node:path");
const fs = require("node:fs");
const entry = path.join(__dirname, "..", "build", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("ВШУ не собран: выполните «npm install» (или «npm run build:cli») в папке проекта.\n");
  process.exit(1);
}
process.stdout.on("error", (error) => {
  // `vshu deadlines … | head`: a reader that stops early is not an error.
  if (error.code === "EPIPE") {
    process.exit(0);
  }
  throw error;
});
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
