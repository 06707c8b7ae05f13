import { describe, expect, it } from "vitest";
import { closeDb, getSql, onBeforeClose } from "./client";

describe("closing the pool", () => {
  it("first finishes the work registered to run before it closes", async () => {
    const seen: number[] = [];
    let release!: () => void;
    const slowWrite = new Promise<void>((resolve) => (release = resolve));
    const remove = onBeforeClose(async () => {
      await slowWrite;
      const [row] = await getSql()`select 41 + 1 as answer`; // the pool is still open here
      seen.push(Number(row!.answer));
    });
    const closing = closeDb();
    setTimeout(release, 50);
    await closing;
    remove();
    expect(seen).toEqual([42]);
  });
});
