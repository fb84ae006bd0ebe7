// Issue 12, defect 3: a page on another origin must not write with a signed-in user's cookies.
// The attacking page is served by a node:http server started here, on another port of the
// same host name as the app ("localhost"): another origin, but the same site, so the
// browser sends the SameSite=Lax session cookie along. That is how the campaign
// created a class in a teacher's account; a page on a different site would not even get
// the cookie sent, and would prove nothing.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { demoPassword, expect, signIn, test } from "./fixtures";

type Classes = { classes: { id: string; name: string; joinCode?: string }[] };

const CLASS_NAME = "Made by another site";

/**
 * The attacker's page: `no-cors` POSTs (the only kind a page may send to another origin
 * without asking the server first) with the user's cookies: JSON bodies under CORS-safelisted
 * content types, and a bodiless POST that regenerates a class's join code. The responses are
 * opaque to the page; whether anything happened is checked through the API afterwards.
 */
function attackerPage(app: string, classId: string): string {
  const script = `
    (async () => {
      const app = ${JSON.stringify(app)};
      const body = JSON.stringify({ name: ${JSON.stringify(CLASS_NAME)} });
      const writes = [
        ["/api/classes", "text/plain", body],
        ["/api/classes", "text/plain; application/json", body],
        ["/api/classes", "text/plain;application/json", body],
        ["/api/classes", "application/x-www-form-urlencoded; application/json", body],
        ["/api/classes/" + ${JSON.stringify(classId)} + "/code", "text/plain", ""],
      ];
      for (const [path, type, data] of writes) {
        try {
          await fetch(app + path, { mode: "no-cors", method: "POST", credentials: "include", headers: { "Content-Type": type }, body: data });
        } catch (err) {
          console.log("fetch failed", String(err));
        }
      }
      document.getElementById("status").textContent = "All sent";
    })();`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Another site</title></head>
<body><main><h1>Another site</h1><p id="status">Sending</p></main><script>${script}</script></body></html>`;
}

test("a page on another origin cannot create a class or change a join code with the teacher's session", async ({ page }) => {
  await signIn(page, "teacher@demo.local", demoPassword());
  const app = new URL(page.url()).origin;
  const listed = async () => ((await (await page.request.get("/api/classes")).json()) as Classes).classes;
  const before = await listed();
  const target = before[0];
  expect(target?.joinCode, "the demo teacher has a class with a join code").toBeTruthy();

  let requests = 0;
  const server = http.createServer((_req, res) => {
    requests++;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(attackerPage(app, target!.id));
  });
  // All interfaces, as the app listens: "localhost" may resolve to ::1 or 127.0.0.1.
  await new Promise<void>((resolve) => server.listen(0, resolve));
  try {
    const attacker = `http://localhost:${(server.address() as AddressInfo).port}/`;
    expect(new URL(attacker).origin).not.toBe(app);
    await page.goto(attacker);
    await expect(page.locator("#status")).toHaveText("All sent");
    expect(requests).toBeGreaterThan(0);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  const after = await listed();
  expect(after.map((c) => c.name)).not.toContain(CLASS_NAME);
  expect(after.length).toBe(before.length);
  expect(after.find((c) => c.id === target!.id)?.joinCode).toBe(target!.joinCode);

  // The same refusal over the API, with the documented error shape: another Origin, or a
  // browser saying the request is cross-site, gets 403 even with a valid session and body.
  const foreign: Record<string, string>[] = [{ Origin: "http://localhost:1" }, { "Sec-Fetch-Site": "cross-site" }, { Origin: "null" }];
  for (const headers of foreign) {
    const res = await page.request.post("/api/classes", { headers, data: { name: CLASS_NAME } });
    expect(res.status()).toBe(403);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: "forbidden", message: expect.stringMatching(/another site|origin/i) });
  }
  expect((await listed()).map((c) => c.name)).not.toContain(CLASS_NAME);

  // Same origin still works: the app's own page creating a class.
  await page.goto("/");
  const own = await page.evaluate(async () => {
    const res = await fetch("/api/classes", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ name: "Made by the app" }) });
    return res.status;
  });
  expect(own).toBe(201);
});
