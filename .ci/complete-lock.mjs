#!/usr/bin/env node
// This workplace's npm registry mirror serves only the linux-x64 builds of
// platform-specific packages, so `npm install` here writes a package-lock.json
// without entries for the other platforms' optional binaries (@next/swc-darwin-*,
// @tailwindcss/oxide-win32-*, ...) and `npm ci` then refuses the lock as out of sync.
// This adds the entries npm would have written with the full registry: name,
// version, os/cpu/libc (read off the package name, as those packages are named
// for their platform) and optional, so npm ci skips them here and installs them
// on the platforms they are for. Run it after any `npm install` that changes the lock:
//   node .ci/complete-lock.mjs
import { readFileSync, writeFileSync } from "node:fs";

const path = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(path, "utf8"));
const packages = lock.packages;

const OS = new Set(["android", "darwin", "freebsd", "linux", "openharmony", "win32", "sunos", "aix", "netbsd", "openbsd"]);
const CPU = new Set(["arm", "arm64", "x64", "ia32", "loong64", "ppc64", "riscv64", "s390x", "mips64el", "wasm32"]);

/** Platform constraints from a name such as "@next/swc-linux-arm-musleabihf". */
function platformOf(name) {
  const tokens = name.split("/").pop().split("-");
  const os = tokens.find((t) => OS.has(t));
  const cpu = tokens.find((t) => CPU.has(t));
  if (!cpu) return null;
  const last = tokens[tokens.length - 1];
  const libc = /^musl/.test(last) ? "musl" : /^gnu/.test(last) ? "glibc" : undefined;
  return { ...(os ? { os: [os] } : {}), cpu: [cpu], ...(libc && os === "linux" ? { libc: [libc] } : {}) };
}

let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [dep, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = location === "" ? "" : `${location}/`;
    // npm resolves from the nearest node_modules; hoisted to the root unless nested.
    const candidates = [`${base}node_modules/${dep}`, `node_modules/${dep}`];
    if (candidates.some((c) => packages[c])) continue;
    const platform = platformOf(dep);
    if (!platform || !/^\d+\.\d+\.\d+/.test(spec)) continue;
    packages[`node_modules/${dep}`] = {
      version: spec,
      ...platform,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
    };
    added++;
  }
}

// Keep npm's own ordering (sorted by location) so diffs stay small.
const [root, ...rest] = Object.entries(packages);
lock.packages = Object.fromEntries([root, ...rest.sort(([a], [b]) => a.localeCompare(b, "en"))]);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added ? `package-lock.json: added ${added} platform entries` : "package-lock.json: complete");
