// One worker of the app's cluster (lib/server/cluster.ts): Next.js's production server in
// this process, listening on the port the cluster's primary shares between its workers.
// On "shutdown" from the primary (or SIGTERM) it stops accepting connections, lets the
// requests in flight finish, closes idle keep-alive connections, and exits.
// The grade route, the hot path, is answered here without Next.js (lib/review/grade-route.ts
// says why), with the headers next.config.ts gives every answer.
import http from "node:http";
import next from "next";
import { ROOT } from "@/lib/config/root";
import { SECURITY_HEADERS } from "@/lib/config/security-headers";

const port = Number(process.env.PORT);
const hostname = process.env.HOSTNAME || undefined;
/** A request still running after this long at shutdown is cut off. */
const DRAIN_MS = 10_000;

const app = next({ dev: false, dir: ROOT, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
// Imported once Next.js has set up its server environment: the route's session code reads
// next-auth and next/headers, which need it at load time.
const { gradeRoute, isGradePath } = await import("@/lib/review/grade-route");

const servedBy = String(process.pid);
let draining = false;
let inFlight = 0;
const server = http.createServer((req, res) => {
  inFlight++;
  res.once("close", () => {
    inFlight--;
    if (draining && inFlight === 0) process.exit(0);
  });
  // Which worker answered: for an operator checking the balancing (and the cluster's tests).
  res.setHeader("X-Served-By", servedBy);
  // While draining, a keep-alive client is told to reconnect (to another worker).
  if (draining) res.setHeader("Connection", "close");
  if (isGradePath(req.url)) {
    for (const { key, value } of SECURITY_HEADERS) res.setHeader(key, value);
    void gradeRoute(req, res);
    return;
  }
  void handle(req, res);
});
// Longer than the keep-alive timeouts of common load balancers (nginx 60 s upstream keepalive
// default, ALB 60 s), so the balancer closes idle connections, not this server mid-request.
server.keepAliveTimeout = 65_000;
server.listen(port, hostname);

function drain() {
  if (draining) return;
  draining = true;
  // No new connections; the worker exits once its last request has been answered (a response
  // ends on "close"), not when its keep-alive connections end.
  server.close();
  if (inFlight === 0) process.exit(0);
  setTimeout(() => process.exit(0), DRAIN_MS).unref();
}
process.on("message", (msg) => {
  if (msg === "shutdown") drain();
});
process.on("SIGTERM", drain);
process.on("SIGINT", drain);
