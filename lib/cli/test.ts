// `npm test`: every check in one command: typecheck, lint, unit tests, integration tests
// on a real Postgres, end-to-end tests in a real Chromium, then the JavaScript budgets of
// the build the end-to-end step made. Runs them all even when one
// fails, then prints the total as one line: "N passed, N failed".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "@/lib/config/root";

const REPORTS = path.join(ROOT, ".data/test-reports");
const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);

type Tally = { passed: number; failed: number };

function run(title: string, cmd: string, args: string[]): boolean {
  console.log(`\n=== ${title} ===`);
  const res = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, FORCE_COLOR: process.env.CI ? "0" : "1" } });
  return res.status === 0;
}

function vitestTally(file: string): Tally | null {
  if (!fs.existsSync(file)) return null;
  const r = JSON.parse(fs.readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number };
  return { passed: r.numPassedTests, failed: r.numFailedTests };
}

function playwrightTally(file: string): Tally | null {
  if (!fs.existsSync(file)) return null;
  const r = JSON.parse(fs.readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number } };
  return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected };
}

fs.rmSync(REPORTS, { recursive: true, force: true });
fs.mkdirSync(REPORTS, { recursive: true });
const total: Tally = { passed: 0, failed: 0 };
const add = (t: Tally | null, ok: boolean) => {
  // A runner that crashed before writing its report still counts as a failure.
  if (!t) total.failed += ok ? 0 : 1;
  else {
    total.passed += t.passed;
    total.failed += t.failed + (ok || t.failed > 0 ? 0 : 1);
  }
};
const check = (ok: boolean) => (ok ? total.passed++ : total.failed++);

check(run("typecheck", bin("tsc"), ["--noEmit"]));
check(run("lint", bin("eslint"), ["--max-warnings=0", "."]));
for (const project of ["unit", "int"]) {
  const out = path.join(REPORTS, `${project}.json`);
  const ok = run(`${project} tests`, bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
  add(vitestTally(out), ok);
}
const e2eOk = run("end-to-end tests", bin("playwright"), ["test"]);
add(playwrightTally(path.join(REPORTS, "e2e.json")), e2eOk);
// The e2e server built the app: check the pages' JavaScript budgets on that build.
check(run("bundle budgets", process.execPath, ["--import", "tsx", path.join(ROOT, "lib/cli/check-bundle.ts")]));

console.log(`\n(typecheck, lint and bundle budgets count as one check each)`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed > 0 ? 1 : 0);
