// A small HTTP client for the JSON API with a cookie jar and keep-alive connections
// (node:http directly: fetch adds a few hundred microseconds a request, which a load
// generator sharing the machine with the server cannot spare).
import http from "node:http";
import { performance } from "node:perf_hooks";

export type HttpResponse<T = unknown> = { status: number; body: T; ms: number };

export const SESSION_COOKIE = "next-auth.session-token";

export class HttpClient {
  private readonly cookies = new Map<string, string>();
  private readonly url: URL;

  constructor(baseUrl: string, private readonly agent: http.Agent, private readonly timeoutMs = 30_000) {
    this.url = new URL(baseUrl);
  }

  /** The Cookie header this client sends (for requests it cannot make itself, such as malformed bodies). */
  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  get signedIn(): boolean {
    return this.cookies.has(SESSION_COOKIE);
  }

  /** JSON (or, with `form`, URL-encoded) request; the body is parsed as JSON when it is JSON. */
  request<T = unknown>(method: string, path: string, body?: { json?: unknown; form?: Record<string, string> }): Promise<HttpResponse<T>> {
    const payload =
      body?.json !== undefined ? JSON.stringify(body.json) : body?.form ? new URLSearchParams(body.form).toString() : undefined;
    const headers: Record<string, string> = { accept: "application/json" };
    if (payload !== undefined) {
      headers["content-type"] = body?.json !== undefined ? "application/json" : "application/x-www-form-urlencoded";
      headers["content-length"] = String(Buffer.byteLength(payload));
    }
    if (this.cookies.size) headers.cookie = this.cookieHeader;
    const t0 = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: this.url.hostname, port: this.url.port, method, path, headers, agent: this.agent, timeout: this.timeoutMs },
        (res) => {
          this.takeCookies(res.headers["set-cookie"]);
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("error", reject);
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            let parsed: unknown = text;
            if ((res.headers["content-type"] ?? "").includes("json")) {
              try {
                parsed = JSON.parse(text);
              } catch {
                // keep the text: the caller reports the status
              }
            }
            resolve({ status: res.statusCode ?? 0, body: parsed as T, ms: performance.now() - t0 });
          });
        },
      );
      req.on("timeout", () => req.destroy(new Error(`${method} ${path} timed out after ${this.timeoutMs} ms`)));
      req.on("error", reject);
      req.end(payload);
    });
  }

  /** next-auth credentials sign-in: csrf token, then the callback; throws unless a session cookie came back. */
  async signIn(email: string, password: string): Promise<void> {
    const csrf = await this.request<{ csrfToken?: string }>("GET", "/api/auth/csrf");
    const csrfToken = csrf.body?.csrfToken;
    if (csrf.status !== 200 || !csrfToken) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
    const res = await this.request("POST", "/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
    if (res.status !== 200 || !this.signedIn) {
      throw new Error(`sign-in of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }

  private takeCookies(setCookie: string[] | undefined): void {
    for (const line of setCookie ?? []) {
      const pair = line.split(";", 1)[0]!;
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === "" || /;\s*max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

export function keepAliveAgent(): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: Infinity, keepAliveMsecs: 10_000 });
}
