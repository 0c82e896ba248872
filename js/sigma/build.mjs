// Rebuilds vnrukg/vendor/sigma-<version>.min.js and .LICENSE.txt from the pinned npm packages
// (see ../README.md): sigma (the WebGL renderer of large network pages), graphology (its graph)
// and graphology-layout-forceatlas2 (re-arranging what a filter leaves), bundled by esbuild into
// one script that sets window.vnrukgSigma. Same package-lock.json, same bytes: the build reads
// no clock and no environment, and esbuild's output depends on its inputs only.
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "..", "vnrukg", "vendor");
const lock = JSON.parse(readFileSync(join(here, "package-lock.json"), "utf8"));
const installed = (name) => JSON.parse(readFileSync(join(here, "node_modules", name, "package.json"), "utf8"));
for (const name of ["sigma", "graphology", "graphology-layout-forceatlas2", "esbuild"]) {
  const pinned = lock.packages[`node_modules/${name}`].version;
  if (installed(name).version !== pinned) {
    throw new Error(`node_modules has ${name} ${installed(name).version}, package-lock.json pins ${pinned}: run npm ci`);
  }
}
const version = installed("sigma").version;

const result = buildSync({
  entryPoints: [join(here, "entry.mjs")],
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2019",
  platform: "browser",
  legalComments: "none",
  charset: "utf8",
  metafile: true,
  write: false,
  absWorkingDir: here,
  define: { "process.env.NODE_ENV": '"production"' },
});
const js = result.outputFiles[0].text;
if (/<\/script|<!--/i.test(js)) {
  throw new Error("the bundle cannot be inlined in an HTML page");
}

// The licences of every package whose code is in the bundle, in name order.
const packages = new Set();
for (const path of Object.keys(result.metafile.inputs)) {
  const match = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (match) { packages.add(match[1]); }
}
const licenceText = (dir) => {
  const names = readdirSync(dir).filter((n) => /^(licen[cs]e|copying)/i.test(n)).sort();
  return names.map((n) => readFileSync(join(dir, n), "utf8").trim()).join("\n\n");
};
let licence = `vnrukg/vendor/sigma-${version}.min.js bundles these packages (npm, built with esbuild\n` +
  `${installed("esbuild").version} from js/sigma/). Their licences follow.\n`;
for (const name of [...packages].sort()) {
  const meta = installed(name);
  const dir = join(here, "node_modules", ...name.split("/"));
  licence += `\n${"=".repeat(78)}\n${meta.name} ${meta.version}, licence ${meta.license}\n${"=".repeat(78)}\n\n`;
  licence += (licenceText(dir) || `Licensed ${meta.license}; no licence file in the package.`) + "\n";
}

mkdirSync(out, { recursive: true });
writeFileSync(join(out, `sigma-${version}.min.js`), js);
writeFileSync(join(out, `sigma-${version}.LICENSE.txt`), licence);
console.log(`wrote vnrukg/vendor/sigma-${version}.min.js (${js.length} bytes; ${[...packages].sort().join(", ")}) and .LICENSE.txt`);
