import { afterEach, describe, expect, it } from "vitest";
import { blobStoreKind } from "./store";

afterEach(() => {
  delete process.env.CRUCIBLE_BLOB_STORE;
});

describe("CRUCIBLE_BLOB_STORE", () => {
  it("is Postgres unless disk is asked for; anything else is refused", () => {
    expect(blobStoreKind()).toBe("postgres");
    process.env.CRUCIBLE_BLOB_STORE = " Disk ";
    expect(blobStoreKind()).toBe("disk");
    process.env.CRUCIBLE_BLOB_STORE = "postgres";
    expect(blobStoreKind()).toBe("postgres");
    process.env.CRUCIBLE_BLOB_STORE = "s3";
    expect(() => blobStoreKind()).toThrow(/"postgres" or "disk", not "s3"/);
  });
});
