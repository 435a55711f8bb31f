#!/usr/bin/env node
"use strict";
// The `vshu` command: runs the compiled command line (npm's "prepare" builds it into build/).
const path = require("node:path");
const fs = require("node:fs");
const { spawn } = require("node:child_process");

// Reading a register allocates many short-lived row objects; a larger young generation cuts
// garbage collection by about a fifth of the run (npm run bench). V8 takes the size only at
// start-up, so the command restarts itself once with it.
const HEAP_FLAG = "--max-semi-space-size=32";
if (
  !process.execArgv.some((a) => a.startsWith("--max-semi-space-size")) &&
  !process.env.VSHU_NO_RESPAWN
) {
  const child = spawn(
    process.execPath,
    [...process.execArgv, HEAP_FLAG, __filename, ...process.argv.slice(2)],
    {
      stdio: "inherit",
      env: { ...process.env, VSHU_NO_RESPAWN: "1" },
    }
  );
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => child.kill(signal));
  }
  child.on("error", (error) => {
    process.stderr.write(`ВШУ не удалось запустить: ${error.message}\n`);
    process.exitCode = 2;
  });
  child.on("exit", (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
} else {
  const entry = path.join(__dirname, "..", "build", "cli", "main.js");
  if (!fs.existsSync(entry)) {
    process.stderr.write(
      "ВШУ не собран: выполните «npm install» (или «npm run build:cli») в папке проекта.\n"
    );
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
}
