import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateSchemaSource, SCHEMA_FILE } from "./generate";

describe("the client's checked-in types", () => {
  it("are what the generator makes of the description today (else run npm run client:generate)", async () => {
    expect(readFileSync(SCHEMA_FILE, "utf8") === (await generateSchemaSource()), "lib/client/src/schema.d.ts is stale: run npm run client:generate").toBe(true);
  });
});
