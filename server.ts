import http from "node:http";
import net from "node:net";
import next from "next";
import { closeDb, getDb } from "./db/client";
import { leaveShutdownSignalsToCaller } from "./db/embedded";
import { dataDirectory, prepareDatabase } from "./db/prepare";
import { ensureSessionSecret } from "./lib/auth/session-secret";
import { migrateDiskBlobsOnStart } from "./lib/blobs/migrate-disk";
import { prepareIncomingRequest, servedOverHttps } from "./lib/http/client-address";
import { createFastPath } from "./lib/http/node-adapter";
import { securityHeaders } from "./lib/http/security-headers";
import { apiRouter } from "./lib/http/routes";
import { NOT_SERVED_BODY, SERVE_DEPLOYMENTS_ENV, servedDeploymentIds, servingOnlyRouter } from "./lib/http/serving-only";
import { registerAllWorkers } from "./lib/jobs/all-workers";
import { startWorkers, stopWorkers } from "./lib/jobs/workers";
import { isDraining, startDraining } from "./lib/process-drain";
import { upgradeStoredWebhookSecrets } from "./lib/tasks/webhook-secrets";

/**
 * The production server: API paths go straight to the plain handlers (the fast path), everything
 * else to Next. The database (embedded unless DATABASE_URL is set) is ready and migrated first.
 * With CRUCIBLE_SERVE_DEPLOYMENTS it is a serving-only server (lib/http/serving-only.ts): no Next,
 * no background jobs, only the named deployments' inference routes and /healthz.
 */
async function main(): Promise<void> {
  const dev = process.argv.includes("--dev");
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? "0.0.0.0";
  const log = (line: string) => console.log(`[crucible] ${line}`);
  const served = servedDeploymentIds();
  if (served && !process.env.DATABASE_URL) throw new Error(`${SERVE_DEPLOYMENTS_ENV} serves from the shared database: set DATABASE_URL`);

  const database = await prepareDatabase(log);
  ensureSessionSecret(dataDirectory());
  await upgradeWebhookSecrets(log);
  await migrateDiskBlobsOnStart(log); // blobs of versions that kept them on disk, before anything is served
  process.env.AUTH_TRUST_HOST ??= "true"; // sign-in URLs follow the Host header unless NEXTAUTH_URL is set

  const app = served ? null : next({ dev, dir: process.cwd(), hostname: host, port });
  const handle = app?.getRequestHandler();
  await app?.prepare();
  const fastPath = createFastPath(served ? servingOnlyRouter(served) : apiRouter);
  if (served) log(`serving only deployment(s) ${[...served].join(", ")}`);
  // Webhooks, training jobs and drift checks; CRUCIBLE_WORKERS=0 leaves them to dist/lib/jobs/worker-main.js.
  if (!served && process.env.CRUCIBLE_WORKERS !== "0") {
    registerAllWorkers();
    await startWorkers(log);
  }

  const server = http.createServer((req, res) => {
    prepareIncomingRequest(req);
    if (isDraining()) res.setHeader("connection", "close"); // keep-alive clients reconnect to another server
    if (fastPath(req, res)) return; // API answers carry their own security headers
    if (!handle) return notServed(res);
    for (const [name, value] of Object.entries(securityHeaders(servedOverHttps(req.headers)))) res.setHeader(name, value);
    void handle(req, res);
  });
  server.keepAliveTimeout = 65_000;

  let stopping = false;
  /**
   * Graceful drain: /healthz turns 503 "draining" and blocked task reads answer (still pending) at
   * once; after CRUCIBLE_DRAIN_DELAY_SECONDS (time for a load balancer to notice; 0 by default) the
   * server stops accepting, lets requests in flight finish (up to CRUCIBLE_DRAIN_TIMEOUT_SECONDS),
   * hands its background jobs back to the queue (pg-boss fails what is still running after 5 s, and
   * the job's retries run it elsewhere) and exits.
   */
  const stop = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    startDraining();
    const delay = secondsFromEnv("CRUCIBLE_DRAIN_DELAY_SECONDS", 0);
    const timeout = secondsFromEnv("CRUCIBLE_DRAIN_TIMEOUT_SECONDS", 25);
    log(`${signal}: draining${delay ? ` (still serving for ${delay} s)` : ""}`);
    const forced = setTimeout(() => process.exit(1), (delay + timeout + 15) * 1000);
    forced.unref();
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay * 1000));
    await new Promise<void>((resolve) => {
      // Stop accepting, but not through http.Server#close: it also closes every connection without a
      // request in progress, and a connection accepted a moment ago whose request has not been read
      // yet is one of them (a load balancer would see it reset after sending, and give up on a POST).
      // Answers carry Connection: close now, so busy connections end by themselves; idle keep-alive
      // ones are closed after a grace, everything after the timeout.
      net.Server.prototype.close.call(server, () => resolve());
      setTimeout(() => server.closeIdleConnections(), IDLE_GRACE_MS).unref();
      setTimeout(() => server.closeAllConnections(), timeout * 1000).unref();
    });
    log("requests in flight finished; stopping background work");
    await stopWorkers().catch(() => {});
    await closeDb().catch(() => {});
    await database.stop().catch((error: unknown) => log(`stopping Postgres failed: ${String(error)}`));
    process.exit(exitCode);
  };
  // A port already taken (or any listen failure) ends the process with an error: a server that cannot
  // serve must not stay up running background jobs.
  server.on("error", (error: NodeJS.ErrnoException) => {
    console.error(`[crucible] cannot listen on ${host}:${port}: ${error.code === "EADDRINUSE" ? "the port is already in use" : error.message}`);
    void stop("listen failure", 1);
  });
  server.listen(port, host, () => log(`ready on http://localhost:${port} (${dev ? "development" : "production"})`));
  leaveShutdownSignalsToCaller();
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

/** A serving-only server's answer to everything but its routes. */
function notServed(res: http.ServerResponse): void {
  for (const [name, value] of Object.entries(securityHeaders(false))) res.setHeader(name, value);
  res.writeHead(404, { "content-type": "application/json", "content-length": Buffer.byteLength(NOT_SERVED_BODY) }).end(NOT_SERVED_BODY);
}

/** How long a draining server leaves connections without a request alone before closing them. */
const IDLE_GRACE_MS = 1000;

/** A non-negative number of seconds from the environment, or the default. */
function secondsFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  return Number.isFinite(value) && value >= 0 ? Math.min(value, 600) : fallback;
}

/** Re-encrypts webhook secrets kept in plain text (earlier versions) or under NEXTAUTH_SECRET_PREVIOUS. */
async function upgradeWebhookSecrets(log: (line: string) => void): Promise<void> {
  const { upgraded, unreadable } = await upgradeStoredWebhookSecrets(getDb());
  if (upgraded) log(`re-encrypted ${upgraded} webhook signing secret(s) under the current NEXTAUTH_SECRET`);
  if (unreadable) {
    console.error(
      `[crucible] ${unreadable} webhook signing secret(s) cannot be decrypted with NEXTAUTH_SECRET: it was changed. Set the old value in ` +
        "NEXTAUTH_SECRET_PREVIOUS and restart; until then those accounts' deliveries are not sent (and are retried), and their API keys page offers rotation.",
    );
  }
}

main().catch((error: unknown) => {
  console.error("[crucible] failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
