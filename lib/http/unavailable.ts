// The database being down is not a fault of the request, nor a bug to hide behind a 500:
// while the embedded PostgreSQL restarts (npm start supervises it), or a remote one fails
// over, every route answers 503 with Retry-After, so clients (the review outbox) wait and
// send the same request again instead of giving up.
import type { ErrorBody } from "@/lib/api/errors";
import { toErrorBody } from "./errors";

/** Seconds a client should wait: about how long a supervised restart takes. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

/** Socket errors of a connection that cannot be made or was cut (Node's codes). */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
/**
 * SQLSTATEs of a server that is going away or not back yet: class 08 (connection exception)
 * and 57P01-57P03 (admin_shutdown, crash_shutdown, cannot_connect_now: "the database system is
 * starting up / in recovery mode", which a restarted server answers while it replays its log).
 */
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123])$/;
/** Prisma's own codes for the same: P1001 can't reach, P1002 timed out, P1017 server closed the connection. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017"]);
/** @prisma/adapter-pg's error kinds for a lost or refused connection. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
/** node-postgres signals a cut connection with plain Errors that carry only these messages. */
const PG_MESSAGES = /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable|server closed the connection unexpectedly/i;

function field(value: object, key: string): unknown {
  return (value as Record<string, unknown>)[key];
}

/**
 * Is `err` (or anything it wraps: `cause`, Prisma's `meta.driverAdapterError`, an
 * AggregateError's errors) a database that cannot be reached or dropped the connection?
 * Errors are wrapped differently by pg, the Prisma adapter and Prisma itself, so the whole
 * chain is searched, bounded against cycles.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const seen = new Set<object>();
  const queue: unknown[] = [err];
  while (queue.length && seen.size < 32) {
    const e = queue.shift();
    if (typeof e !== "object" || e === null || seen.has(e)) continue;
    seen.add(e);
    const code = field(e, "code");
    // ENOENT only from connect(): a Unix socket whose server is gone, not a missing file.
    if (code === "ENOENT" && field(e, "syscall") === "connect") return true;
    if (typeof code === "string" && (SOCKET_CODES.has(code) || SQLSTATE.test(code) || PRISMA_CODES.has(code))) return true;
    const kind = field(e, "kind");
    if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
    if (kind === "postgres" && typeof code === "string" && SQLSTATE.test(code)) return true;
    const message = field(e, "message");
    if (typeof message === "string" && PG_MESSAGES.test(message)) return true;
    queue.push(field(e, "cause"), field(e, "meta"), field(e, "driverAdapterError"), field(e, "originalError"));
    const errors = field(e, "errors");
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return false;
}

export type HttpError = { status: number; body: ErrorBody & Record<string, unknown>; headers: Record<string, string> };

export const databaseUnavailableBody = (): ErrorBody => ({
  error: { code: "database_unavailable", message: "The database is not reachable right now (it is being restarted). Try again in a few seconds." },
});

/**
 * The API's answer to any error: 503 `database_unavailable` with Retry-After when the
 * database is down, otherwise the mapping of errors.ts.
 */
export function toHttpError(err: unknown): HttpError {
  if (isDatabaseUnavailable(err)) {
    return { status: 503, body: databaseUnavailableBody(), headers: { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) } };
  }
  return { ...toErrorBody(err), headers: {} };
}
