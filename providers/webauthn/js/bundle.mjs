// Bundles passkey-form.js with @simplewebauthn/browser into one classic script (no modules, no eval),
// for the provider jar. Usage: node bundle.mjs <output file>
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";

// The library's MIT licence travels with the bundled copy of it.
const require = createRequire(import.meta.url);
const library = dirname(require.resolve("@simplewebauthn/browser/package.json"));
const { version } = JSON.parse(readFileSync(join(library, "package.json"), "utf8"));
const licence = readFileSync(join(library, "LICENSE.md"), "utf8").trim();

const outfile = resolve(process.argv[2] ?? "dist/passkey-form.js");
await build({
  entryPoints: ["passkey-form.js"],
  outfile,
  bundle: true,
  format: "iife",
  platform: "browser",
  target: "es2020",
  minify: true,
  banner: { js: `/*! Includes @simplewebauthn/browser ${version}:\n${licence.replaceAll("*/", "* /")}\n*/` },
  logLevel: "warning",
});
console.log(`bundled the passkey form script into ${outfile}`);
