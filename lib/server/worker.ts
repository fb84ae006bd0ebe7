// One worker of the app's cluster (lib/server/cluster.ts): Next.js's production server in
// this process, listening on the port the cluster's primary shares between its workers.
// On "shutdown" from the primary (or SIGTERM) it stops accepting connections, lets the
// requests in flight finish, closes idle keep-alive connections, and exits.
import http from "node:http";
import next from "next";
import { ROOT } from "@/lib/config/root";

const port = Number(process.env.PORT);
const hostname = process.env.HOSTNAME || undefined;
/** A request still running after this long at shutdown is cut off. */
const DRAIN_MS = 10_000;

const app = next({ dev: false, dir: ROOT, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const servedBy = String(process.pid);
const server = http.createServer((req, res) => {
  // Which worker answered: for an operator checking the balancing (and the cluster's tests).
  res.setHeader("X-Served-By", servedBy);
  void handle(req, res);
});
// Longer than the keep-alive timeouts of common load balancers (nginx 60 s upstream keepalive
// default, ALB 60 s), so the balancer closes idle connections, not this server mid-request.
server.keepAliveTimeout = 65_000;
server.listen(port, hostname);

let draining = false;
function drain() {
  if (draining) return;
  draining = true;
  server.close(() => process.exit(0));
  // Idle keep-alive connections would hold close() open; busy ones close after their response.
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), DRAIN_MS).unref();
}
process.on("message", (msg) => {
  if (msg === "shutdown") drain();
});
process.on("SIGTERM", drain);
process.on("SIGINT", drain);
