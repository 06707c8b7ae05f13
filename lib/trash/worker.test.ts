import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb, getSql } from "@/db/client";
import { loops } from "@/db/schema";
import { makeAccount } from "@/lib/auth/testing";
import { getBoss, QUEUES, stopBoss } from "@/lib/jobs/boss";
import { createLoop } from "@/lib/loops/store";
import { trashLoop } from "@/lib/loops/trash";
import { registerTrashWorkers } from "./worker";

afterAll(async () => {
  await stopBoss();
});

describe("the scheduled trash purge", () => {
  it("is scheduled on the job queue and purges what was trashed more than 30 days ago", { timeout: 30_000 }, async () => {
    const db = getDb();
    const owner = await makeAccount();
    const old = await createLoop(db, owner.id, "trashed long ago");
    const recent = await createLoop(db, owner.id, "trashed today");
    await trashLoop(db, owner.id, old.id, owner.id);
    await trashLoop(db, owner.id, recent.id, owner.id);
    await getSql()`update loops set deleted_at = now() - interval '30 days 1 minute' where id = ${old.id}`;

    const boss = await getBoss();
    await registerTrashWorkers(boss);
    expect((await boss.getSchedules()).map((s) => s.name)).toContain(QUEUES.trashPurge);
    await boss.send(QUEUES.trashPurge, {});
    const gone = async () => (await db.select({ id: loops.id }).from(loops).where(eq(loops.id, old.id))).length === 0;
    const deadline = Date.now() + 25_000;
    while (!(await gone()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await gone()).toBe(true);
    expect(await db.select({ id: loops.id }).from(loops).where(eq(loops.id, recent.id))).toHaveLength(1);
  });
});
