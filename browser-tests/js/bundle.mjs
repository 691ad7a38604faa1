// Bundles one page per client version: only the browser entry of each next-auth package, with the
// process.env values that Next.js would inline defined here instead. Usage: node bundle.mjs [outDir]
import { build } from "esbuild";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const outDir = resolve(process.argv[2] ?? "dist");

// Next.js replaces process.env.X at build time; in a plain bundle the clients would hit `process` is
// not defined. NEXTAUTH_URL stays undefined: each page passes the base path explicitly.
const define = {
  "process.env.NODE_ENV": '"production"',
  "process.env.NEXTAUTH_URL": "undefined",
  "process.env.NEXTAUTH_URL_INTERNAL": "undefined",
  "process.env.VERCEL_URL": "undefined",
  "process.env._NEXTAUTH_DEBUG": "undefined",
};

const versions = {
  // v2 accepts React 16 only, v3 16 and 17. Their debug loggers read process.env when called.
  v2: { alias: { react: "react-16", "react-dom": "react-dom-16" }, banner: "var process = { env: {} };" },
  v3: { alias: { react: "react-17", "react-dom": "react-dom-17" }, banner: "var process = { env: {} };" },
  v4: { alias: {}, banner: "" },
  v5: { alias: {}, banner: "" },
};

for (const [version, { alias, banner }] of Object.entries(versions)) {
  const dir = join(outDir, version);
  mkdirSync(dir, { recursive: true });
  await build({
    entryPoints: [`pages/${version}.jsx`],
    outfile: join(dir, "app.js"),
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    jsx: "automatic",
    define,
    alias,
    banner: { js: banner },
    logLevel: "warning",
  });
  writeFileSync(join(dir, "index.html"), `<!doctype html>
<html><head><meta charset="utf-8"><title>next-auth ${version}</title></head>
<body><div id="root"></div><script src="app.js"></script></body></html>
`);
}
console.log(`bundled ${Object.keys(versions).join(", ")} into ${outDir}`);
