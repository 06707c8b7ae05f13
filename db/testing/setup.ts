import { afterAll, inject } from "vitest";
import { closeDb } from "../client";

process.env.DATABASE_URL = inject("databaseUrl");
// The app's secret (stored secrets are encrypted under keys derived from it); tests that change it restore it.
process.env.NEXTAUTH_SECRET ??= "test-only-app-secret";

afterAll(async () => {
  await closeDb();
});
