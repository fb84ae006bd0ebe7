// The JavaScript a browser loads for an App Router page, read from a production build:
// the shared runtime (build-manifest.json rootMainFiles) plus the page's and its layouts'
// chunks (the page's client reference manifest), each counted gzip-compressed, as Next.js
// used to print "First Load JS" before version 16 dropped it from the build output.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

export type FirstLoadJs = { route: string; files: { file: string; bytes: number; gzipBytes: number }[]; gzipBytes: number };

/** Reads the client reference manifest Next writes next to a page's server bundle. */
function entryFiles(distDir: string, route: string): Record<string, string[]> {
  const manifestPath = path.join(distDir, "server/app", route, "page_client-reference-manifest.js");
  if (!fs.existsSync(manifestPath)) throw new Error(`No build of ${route} in ${distDir} (missing ${manifestPath}): run the build first`);
  // The manifest is a script assigning globalThis.__RSC_MANIFEST[...]; run it in a sandbox.
  const sandbox: { self?: unknown; globalThis?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  sandbox.self = sandbox;
  sandbox.globalThis = sandbox;
  vm.runInNewContext(fs.readFileSync(manifestPath, "utf8"), sandbox);
  const manifest = sandbox.__RSC_MANIFEST?.[`${route}/page`];
  if (!manifest?.entryJSFiles) throw new Error(`${manifestPath} lists no entry JS files for ${route}/page`);
  return manifest.entryJSFiles;
}

/** `route` like "/review"; only the root layout and the route's own segments count. */
export function firstLoadJs(distDir: string, route: string): FirstLoadJs {
  const build = JSON.parse(fs.readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const segments = route.split("/").filter(Boolean);
  // "[project]/app/layout", "[project]/app/review/layout", "[project]/app/review/page", …
  const wanted = new Set<string>(["[project]/app/layout", `[project]/app/${segments.join("/")}/page`]);
  for (let i = 1; i <= segments.length; i++) wanted.add(`[project]/app/${segments.slice(0, i).join("/")}/layout`);
  const files = new Set(build.rootMainFiles);
  for (const [entry, chunks] of Object.entries(entryFiles(distDir, route))) {
    if (wanted.has(entry)) for (const chunk of chunks) if (chunk.endsWith(".js")) files.add(chunk);
  }
  const sized = [...files].map((file) => {
    const body = fs.readFileSync(path.join(distDir, file));
    return { file, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
  });
  return { route, files: sized, gzipBytes: sized.reduce((sum, f) => sum + f.gzipBytes, 0) };
}
