// The proxy does not gate the JSON API (see proxy.ts): each route handler must
// authenticate itself. This keeps a new route from shipping open by accident.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const API = path.resolve(import.meta.dirname);
/** The Pages Router's API routes (pages/api, see pages/api/review/grade.ts). */
const PAGES_API = path.resolve(import.meta.dirname, "../../pages/api");
/**
 * Routes anyone may call: signing up, the health check, and password resets (the link is the
 * credential; asking for one by email answers the same for every address).
 */
const PUBLIC = new Set(["register/route.ts", "health/route.ts", "password-reset/route.ts", "password-reset/request/route.ts"]);
/**
 * next-auth's own handler (sign-in, sign-out, session, csrf), anyone may call it: on the
 * Pages Router for the socket's address (see the file). Its errors are next-auth's.
 */
const PUBLIC_PAGES = new Set(["auth/[...nextauth].ts"]);

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(p);
    return e.name === "route.ts" ? [path.relative(API, p)] : [];
  });
}

describe("every API route", () => {
  const routes = routeFiles(API);

  it("finds the routes", () => {
    expect(routes.length).toBeGreaterThan(20);
    for (const file of PUBLIC) expect(routes).toContain(file);
  });

  const pageRoutes = fs.existsSync(PAGES_API)
    ? fs.readdirSync(PAGES_API, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !PUBLIC_PAGES.has(f))
    : [];

  it("serves next-auth from the Pages Router only (the App Router has no socket address for the sign-in limits)", () => {
    for (const file of PUBLIC_PAGES) expect(fs.existsSync(path.join(PAGES_API, file))).toBe(true);
    expect(routes.filter((r) => r.startsWith("auth/"))).toEqual([]);
  });

  it.each(pageRoutes)("pages/api/%s authenticates and goes through nodeRoute()", (file) => {
    const source = fs.readFileSync(path.join(PAGES_API, file), "utf8");
    // A mount of a route kept in lib/ (pages/api/review/grade.ts → lib/review/grade-route.ts, which the
    // cluster's workers also serve): the route module is what is checked.
    const mount = /import \{ (\w+) \} from "@\/(lib\/[\w/-]+)";[^]*export default function handler\([^)]*\)[^{]*\{\n  return (\w+)\(req, res\);\n\}/.exec(source);
    const delegated = mount && mount[1] === mount[3] ? fs.readFileSync(path.resolve(import.meta.dirname, "../..", `${mount[2]}.ts`), "utf8") : null;
    expect(delegated ?? source, "every route goes through nodeRoute() (error shape, no stack traces)").toMatch(/= nodeRoute\("(GET|POST|PUT|PATCH|DELETE)", async \(req\) => \{\n  const user = await requireUserOf\(/);
    if (delegated) expect(delegated, "the mounted function is the nodeRoute() handler").toMatch(/export function \w+\([^)]*\)[^{]*\{\n  return route\(req, res\);\n\}/);
    else expect(source, "the default export is the nodeRoute() handler").toMatch(/export default function handler\([^)]*\)[^{]*\{\n  return route\(req, res\);\n\}/);
  });

  it.each(routes.filter((r) => !PUBLIC.has(r)))("%s authenticates every handler", (file) => {
    const source = fs.readFileSync(path.join(API, file), "utf8");
    const handlers = [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE) = handle(<[^(]*>)?\(/g)].length;
    const exported = [...source.matchAll(/export (const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].length;
    const checks = [...source.matchAll(/await require(User|Teacher)\(\)/g)].length;
    expect(handlers, "every handler goes through handle() (error shape, no stack traces)").toBe(exported);
    expect(checks, "one requireUser()/requireTeacher() per handler").toBeGreaterThanOrEqual(exported);
  });
});
