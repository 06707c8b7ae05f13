import { describe, expect, it } from "vitest";
import { generateApiKeySecret, hashApiKey, looksLikeApiKey } from "./api-key-secret";

describe("API key secrets", () => {
  it("carry their purpose in the prefix; task test keys start with test_", () => {
    expect(generateApiKeySecret("loops", "live").secret).toMatch(/^loops_/);
    expect(generateApiKeySecret("models", "live").secret).toMatch(/^models_/);
    expect(generateApiKeySecret("tasks", "live").secret).toMatch(/^live_/);
    expect(generateApiKeySecret("tasks", "test").secret).toMatch(/^test_/);
  });

  it("hold 32 random bytes, show only a short prefix and store only a hash", () => {
    const a = generateApiKeySecret("loops", "live");
    const b = generateApiKeySecret("loops", "live");
    expect(a.secret).not.toBe(b.secret);
    expect(Buffer.from(a.secret.slice("loops_".length), "base64url")).toHaveLength(32);
    expect(a.secret.startsWith(a.prefix)).toBe(true);
    expect(a.prefix).toHaveLength("loops_".length + 8);
    expect(a.hash).toBe(hashApiKey(a.secret));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).not.toContain(a.secret.slice(6, 20));
  });

  it("refuses malformed keys before any lookup", () => {
    expect(looksLikeApiKey(generateApiKeySecret("tasks", "test").secret)).toBe(true);
    for (const bad of ["", "test_e53bbf19fdd077eda1cd933a54ebe987", "loops_short", "other_" + "a".repeat(43), "loops_" + "a".repeat(42) + "!"]) {
      expect(looksLikeApiKey(bad)).toBe(false);
    }
  });
});
