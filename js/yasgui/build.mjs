// Writes the query page's vendored JavaScript into vnrukg/vendor/, deterministically:
//  - yasgui-VERSION.min.js and .min.css: YASGUI's own UMD build (editor, result views,
//    tabs), its source-map comment dropped;
//  - vega-interpreter-VERSION.min.js: vega-interpreter bundled by esbuild as a classic script
//    that sets window.vegaExpressionInterpreter;
//  - one .LICENSE.txt per bundle, with the licence of every package it contains.
// It reads no clock and no environment: the same package-lock.json gives the same bytes.
import { readFileSync, writeFileSync, readdirSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const vendor = join(here, "..", "..", "vnrukg", "vendor");

function pkg(name) {
  return JSON.parse(readFileSync(join(modules, name, "package.json"), "utf8"));
}

// The package and everything it depends on at run time, sorted by name.
function closure(root) {
  const seen = new Set();
  const todo = [root];
  while (todo.length) {
    const name = todo.pop();
    if (seen.has(name) || !existsSync(join(modules, name, "package.json"))) continue;
    seen.add(name);
    todo.push(...Object.keys(pkg(name).dependencies || {}));
  }
  return [...seen].sort();
}

function licenceText(name) {
  const folder = join(modules, name);
  const files = readdirSync(folder)
    .filter((f) => /^(licen[cs]e|copying|notice)/i.test(f))
    .sort();
  const meta = pkg(name);
  const header = `${name} ${meta.version} — ${meta.license || "see below"}`;
  const body = files.map((f) => readFileSync(join(folder, f), "utf8").trim()).join("\n\n");
  return `${"=".repeat(78)}\n${header}\n${"=".repeat(78)}\n${body || "(no licence file in the package; its package.json says: " + (meta.license || "nothing") + ")"}\n`;
}

function licences(title, names) {
  return `${title}\n\nThis file bundles the packages below; each keeps its licence.\n\n` +
    names.map(licenceText).join("\n");
}

const dropSourceMap = (text) => text.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, "\n");
const dropCssSourceMap = (text) => text.replace(/\n?\/\*# sourceMappingURL=\S+ \*\/\s*$/, "\n");
// YASQE's list of well-known prefixes holds awol's namespace (bblfish.net, then a folder
// named "work") in a template literal. The repository keeps no text that reads like a path of
// a build machine, so that folder's "w" is written as the escape \u0077: the same string when
// the script runs. The needle is assembled so that this file does not hold the path either.
const AWOL = "`http://bblfish.net/";
const escapePathLikeText = (text) => text.replaceAll(`${AWOL}w${"ork"}/`, `${AWOL}\\u0077ork/`);

// YASGUI
const yasgui = pkg("@zazuko/yasgui").version;
const build = join(modules, "@zazuko", "yasgui", "build");
writeFileSync(join(vendor, `yasgui-${yasgui}.min.js`),
  escapePathLikeText(dropSourceMap(readFileSync(join(build, "yasgui.min.js"), "utf8"))));
writeFileSync(join(vendor, `yasgui-${yasgui}.min.css`),
  dropCssSourceMap(readFileSync(join(build, "yasgui.min.css"), "utf8")));
writeFileSync(join(vendor, `yasgui-${yasgui}.LICENSE.txt`),
  licences(`YASGUI ${yasgui} (@zazuko/yasgui, build/yasgui.min.js and yasgui.min.css)`,
    closure("@zazuko/yasgui")));

// vega-interpreter
const interpreter = pkg("vega-interpreter").version;
const bundled = buildSync({
  entryPoints: [join(here, "src", "interpreter.js")],
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  legalComments: "none",
  write: false,
});
writeFileSync(join(vendor, `vega-interpreter-${interpreter}.min.js`), bundled.outputFiles[0].text);
writeFileSync(join(vendor, `vega-interpreter-${interpreter}.LICENSE.txt`),
  licences(`vega-interpreter ${interpreter}, bundled by esbuild (src/interpreter.js)`,
    closure("vega-interpreter")));

console.log(`wrote vnrukg/vendor/yasgui-${yasgui}.min.{js,css}, ` +
  `vega-interpreter-${interpreter}.min.js and their .LICENSE.txt`);
