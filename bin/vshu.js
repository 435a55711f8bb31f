#!/usr/bin/env node
"use strict";
// The `vshu` command: runs the compiled command line (npm's "prepare" builds it into build/).
const path = require("node:path");
const fs = require("node:fs");
const { Worker, isMainThread } = require("node:worker_threads");

// Reading a register allocates many short-lived row objects; a larger young generation halves
// the time spent in garbage collection (npm run bench). V8 takes the size only when a heap is
// created, so the command runs in a worker thread created with it — about 30 ms to start,
// against 100 ms for restarting node with --max-semi-space-size. The worker's output goes
// through this thread. VSHU_IN_PROCESS=1 runs everything here instead.
const YOUNG_GENERATION_MB = 96;

// Commands that talk to the user's terminal run in this thread: a worker has no terminal, so
// `send` could not ask for the password with echo off nor `consolidate` tell that its progress
// line goes to one. They read little (a report, one register) and gain nothing from the worker.
// `document` and `init` read at most one school's register (a few hundred rows) or nothing, and a
// person waits for them: starting a worker costs them more (≈ 80 ms, npm run bench:documents)
// than a larger young generation saves.
const IN_THREAD_COMMANDS = new Set(["send", "monthly", "consolidate", "document", "init"]);
const command = process.argv.slice(2).find((a) => !a.startsWith("-"));

const entry = path.join(__dirname, "..", "build", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write(
    "ВШУ не собран: выполните «npm install» (или «npm run build:cli») в папке проекта.\n"
  );
  process.exit(1);
}

if (isMainThread) {
  process.stdout.on("error", (error) => {
    // `vshu deadlines … | head`: a reader that stops early is not an error.
    if (error.code === "EPIPE") {
      process.exit(0);
    }
    throw error;
  });
}

if (isMainThread && !process.env.VSHU_IN_PROCESS && !IN_THREAD_COMMANDS.has(command)) {
  const worker = new Worker(__filename, {
    argv: process.argv.slice(2),
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  worker.on("error", (error) => {
    process.stderr.write(`Внутренняя ошибка ВШУ: ${error && error.message}\n`);
    process.exitCode = 2;
  });
  worker.on("exit", (code) => {
    if (process.exitCode === undefined) {
      process.exitCode = code;
    }
  });
} else {
  require(entry)
    .main(process.argv.slice(2))
    .then((code) => {
      process.exitCode = code;
    });
}
