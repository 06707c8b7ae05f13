import { afterAll, inject } from "vitest";
import { closeDb } from "../client";

process.env.DATABASE_URL = inject("databaseUrl");
// The app's secret (session cookies; stored secrets are encrypted under keys derived from it), as the
// server generates one on first start. Tests that change it restore it.
process.env.NEXTAUTH_SECRET ??= "test-only-app-secret";
// Test files share one database and address; the throttle tests set their own limits.
process.env.CRUCIBLE_API_KEY_FAILURES_PER_ADDRESS ??= "1000000";
process.env.CRUCIBLE_SIGNIN_FAILURES_PER_ADDRESS ??= "1000000";

afterAll(async () => {
  await closeDb();
});
