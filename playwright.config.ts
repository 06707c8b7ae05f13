import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e/output/results",
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    // Debian's chromium; no browser downloads. The flags keep it off the (closed) network.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  // The foundation suite runs first: it signs up the server's first account (the admin) and checks
  // the empty dashboard, so every other suite runs after it.
  projects: [
    { name: "foundation", testMatch: /foundation\.spec\.ts/, use: { browserName: "chromium", viewport: { width: 1360, height: 860 } } },
    {
      name: "chromium",
      testIgnore: /foundation\.spec\.ts/,
      dependencies: ["foundation"],
      use: { browserName: "chromium", viewport: { width: 1360, height: 860 } },
    },
  ],
  webServer: {
    // The production server on a fresh embedded Postgres of its own.
    command: "rm -rf .data/e2e && node dist/server.js",
    // The tasks suite's webhook goes to the app's own /healthz on loopback: allow private targets.
    env: { PORT: String(PORT), HOST: "127.0.0.1", CRUCIBLE_DATA_DIR: ".data/e2e", DATABASE_URL: "", CRUCIBLE_TRUST_PROXY: "1", CRUCIBLE_OUTBOUND_ALLOW_PRIVATE: "1" },
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 90_000,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
