import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LocalBlobStore, sha256Of } from "./blob-store";

describe("LocalBlobStore", () => {
  it("stores bytes once under ab/cd/<sha256> and reads them back", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "blobs-"));
    const store = new LocalBlobStore(root);
    const bytes = Buffer.from("hello blobs");
    const sha = sha256Of(bytes);
    expect(await store.has(sha)).toBe(false);
    expect(await store.get(sha)).toBeNull();
    const [a, b] = await Promise.all([store.put(bytes), store.put(bytes)]);
    expect(a).toEqual({ sha256: sha, size: bytes.length });
    expect(b).toEqual(a);
    const file = path.join(root, sha.slice(0, 2), sha.slice(2, 4), sha);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(path.dirname(file))).toEqual([sha]); // no temporary files left behind
    expect((await store.get(sha))!.equals(bytes)).toBe(true);
    expect(await store.has(sha)).toBe(true);
    expect(await store.get("../../etc/passwd")).toBeNull();
  });
});
