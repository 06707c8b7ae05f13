import { afterEach, expect, it, vi } from "vitest";
import { newUploadId } from "./upload-id";

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

afterEach(() => vi.unstubAllGlobals());

it("is a v4 UUID, with or without crypto.randomUUID (plain http)", () => {
  expect(newUploadId()).toMatch(V4);
  const real = globalThis.crypto;
  vi.stubGlobal("crypto", { getRandomValues: (a: Uint8Array) => real.getRandomValues(a) });
  const ids = new Set(Array.from({ length: 50 }, () => newUploadId()));
  expect(ids.size).toBe(50);
  for (const id of ids) expect(id).toMatch(V4);
});
