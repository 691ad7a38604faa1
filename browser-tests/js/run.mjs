// Drives the bundled pages (one per next-auth client version) in Debian's Chromium against ONE running
// server and writes one result per version × call as JSON, plus screenshots of the server's pages.
//
// Usage: node run.mjs --base-url http://127.0.0.1:8080 [--out results.json] [--screenshots dir]
//                     [--versions v2,v3,v4,v5] [--calls <part of a call's name>] [--chromium /usr/bin/chromium]
//                     [--pages no] (skips the checks of our own pages, for a server that is not ours)
// Exit code 0 when every cell passed, 1 when one failed, 2 when the run itself could not start.
import { chromium } from "playwright-core";
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { checksFor } from "./checks.mjs";
import { pageChecks } from "./page-checks.mjs";

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const baseUrl = (args["base-url"] ?? "").replace(/\/$/, "");
if (!baseUrl) {
  console.error("usage: node run.mjs --base-url http://127.0.0.1:<port> [--out results.json] [--screenshots dir]");
  process.exit(2);
}
const out = resolve(args.out ?? "results.json");
const screenshots = resolve(args.screenshots ?? "../target/screenshots");
const versions = (args.versions ?? "v2,v3,v4,v5").split(",");
const only = args.calls; // a part of a call's name, to run only those while working on them

// One clear failure instead of one per cell when nothing answers at the base URL.
try {
  const probe = await fetch(`${baseUrl}/api/auth/providers`);
  if (!probe.ok) throw new Error(`GET /api/auth/providers answered ${probe.status}`);
} catch (e) {
  console.error(`no Auth.js server at ${baseUrl}: ${e.message}`);
  process.exit(2);
}

// The flags this machine needs: without the background-networking ones Chromium keeps dialling
// Google's hosts through a closed network. playwright-core launches with a new temporary
// user-data-dir of its own and never downloads a browser.
const browser = await chromium.launch({
  executablePath: args.chromium ?? "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

const results = [];
async function cell(version, call, check) {
  const started = Date.now();
  let result;
  try {
    result = { version, call, ok: true, detail: (await check()) ?? "" };
  } catch (e) {
    result = { version, call, ok: false, detail: String(e?.message ?? e).split("\n").slice(0, 6).join("\n") };
  }
  result.millis = Date.now() - started;
  results.push(result);
  console.log(`${result.ok ? "PASS" : "FAIL"} ${version} ${call}${result.ok ? "" : ": " + result.detail}`);
}

try {
  for (const version of versions) {
    for (const [call, check] of checksFor(version).filter(([name]) => !only || name.includes(only))) {
      await cell(version, call, () => check({ browser, baseUrl, version }));
    }
  }
  mkdirSync(screenshots, { recursive: true });
  for (const [call, check] of pageChecks.filter(([name]) => args.pages !== "no" && (!only || name.includes(only)))) {
    await cell("pages", call, () => check({ browser, baseUrl, screenshots }));
  }
} finally {
  await browser.close();
}

writeFileSync(out, JSON.stringify({ baseUrl, results }, null, 2));
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed; results in ${out}`);
process.exit(failed === 0 ? 0 : 1);
