import { describe, expect, it } from "vitest";
import { deriveKey, isSealed, open, seal, SecretBoxError } from "./secret-box";

const current = deriveKey("the app secret", "webhook secrets");
const previous = deriveKey("the old app secret", "webhook secrets");

describe("secret-box", () => {
  it("seals to a self-describing form that does not contain the plaintext, with a fresh IV each time", () => {
    const a = seal("whsec_abc", current, "account-1");
    const b = seal("whsec_abc", current, "account-1");
    expect(a).toMatch(/^enc:v1:[\w-]{16}:[\w-]+$/);
    expect(a).not.toContain("whsec_abc");
    expect(a).not.toBe(b);
    expect(isSealed(a)).toBe(true);
    expect(isSealed("whsec_abc")).toBe(false);
    expect(open(a, [current], "account-1")).toEqual({ plaintext: "whsec_abc", keyIndex: 0 });
  });

  it("opens with a previous key and says which one", () => {
    const old = seal("whsec_old", previous, "account-1");
    expect(open(old, [current, previous], "account-1")).toEqual({ plaintext: "whsec_old", keyIndex: 1 });
    expect(() => open(old, [current], "account-1")).toThrow(SecretBoxError);
  });

  it("refuses a tampered value, another context, and unknown formats", () => {
    const sealed = seal("whsec_abc", current, "account-1");
    const last = sealed.at(-2) === "A" ? "B" : "A";
    expect(() => open(`${sealed.slice(0, -2)}${last}${sealed.at(-1)}`, [current], "account-1")).toThrow(SecretBoxError);
    expect(() => open(sealed, [current], "account-2")).toThrow(SecretBoxError);
    expect(() => open("enc:v2:abc:def", [current])).toThrow(SecretBoxError);
    expect(() => open("whsec_abc", [current])).toThrow(SecretBoxError);
  });

  it("derives a distinct key per secret and per purpose, the same each time", () => {
    expect(deriveKey("s", "a").equals(deriveKey("s", "a"))).toBe(true);
    expect(deriveKey("s", "a").equals(deriveKey("s", "b"))).toBe(false);
    expect(deriveKey("s", "a").equals(deriveKey("t", "a"))).toBe(false);
    expect(deriveKey("s", "a")).toHaveLength(32);
  });
});
