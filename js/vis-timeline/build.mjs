// Rebuilds vnrukg/vendor/vis-timeline-<version>.min.{js,css} and .LICENSE.txt from the pinned
// npm package (see ../README.md). The bundle is vis-timeline's own standalone UMD build, which
// already contains its peer dependencies (moment, hammerjs, vis-data, vis-util, xss …); the
// only change is that the source-map comment is dropped, so that an open DevTools fetches
// nothing. Same package-lock.json, same bytes: the build reads no clock and no environment.
import { readFileSync, writeFileSync, mkdirSync, existsSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "..", "vnrukg", "vendor");
const pkg = join(here, "node_modules", "vis-timeline");
const version = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")).version;
const lock = JSON.parse(readFileSync(join(here, "package-lock.json"), "utf8"));
const pinned = lock.packages["node_modules/vis-timeline"].version;
if (version !== pinned) {
  throw new Error(`node_modules has vis-timeline ${version}, package-lock.json pins ${pinned}: run npm ci`);
}

const stripMap = (text) => text.replace(/\n?\/[/*]# sourceMappingURL=\S+\s*(\*\/)?\s*$/, "\n");
const js = stripMap(readFileSync(join(pkg, "standalone", "umd", "vis-timeline-graph2d.min.js"), "utf8"));
const css = stripMap(readFileSync(join(pkg, "styles", "vis-timeline-graph2d.min.css"), "utf8"));
if (/<\/script|<!--/i.test(js) || /<\/style/i.test(css)) {
  throw new Error("the bundle cannot be inlined in an HTML page");
}

// The licences: vis-timeline's, then each package the standalone build bundles (its peer
// dependencies, as installed from the lock file), in name order.
const peers = Object.keys(JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")).peerDependencies).sort();
const licenceText = (dir) => {
  const names = readdirSync(dir).filter((n) => /^(licen[cs]e|copying)/i.test(n)).sort();
  return names.map((n) => readFileSync(join(dir, n), "utf8").trim()).join("\n\n");
};
let licence = `vnrukg/vendor/vis-timeline-${version}.min.js and .min.css are the standalone build of\n` +
  `vis-timeline ${version} (npm), with these packages bundled in it. Their licences follow.\n`;
for (const name of ["vis-timeline", ...peers]) {
  const dir = join(here, "node_modules", ...name.split("/"));
  if (!existsSync(dir)) { throw new Error(`${name} is not installed: run npm ci`); }
  const meta = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  licence += `\n${"=".repeat(78)}\n${meta.name} ${meta.version}, licence ${meta.license}\n${"=".repeat(78)}\n\n`;
  licence += (licenceText(dir) || `Licensed ${meta.license}; no licence file in the package.`) + "\n";
}

mkdirSync(out, { recursive: true });
writeFileSync(join(out, `vis-timeline-${version}.min.js`), js);
writeFileSync(join(out, `vis-timeline-${version}.min.css`), css);
writeFileSync(join(out, `vis-timeline-${version}.LICENSE.txt`), licence);
console.log(`wrote vnrukg/vendor/vis-timeline-${version}.min.{js,css} and .LICENSE.txt`);
