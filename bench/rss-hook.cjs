// Preloaded into a measured process: prints its peak resident memory when it exits.
"use strict";
process.on("exit", () => {
  process.stderr.write(`\n@@maxrss_kb=${process.resourceUsage().maxRSS}\n`);
});
