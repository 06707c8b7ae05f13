import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, getSql } from "@/db/client";
import { scratchDatabase } from "@/db/testing/scratch";
import { makeAccount } from "@/lib/auth/testing";
import { leaseNextTask, renewLease, skipTask } from "./queue";
import { getTaskRequestInternal } from "./store";
import { makeChoiceRequest } from "./testing/fixtures";
import { submitAnswer } from "./submit-answer";

const CHOICES = ["no violence", "mild violence", "intense violence"];
const hex = (s: string) => createHash("md5").update(s).digest("hex");

describe("task queue", () => {
  // The queue is shared by every account, so these tests run on a database of their own: other
  // suites' pending requests would otherwise be leased first.
  let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
  let sharedUrl: string | undefined;
  beforeAll(async () => {
    scratch = await scratchDatabase();
    await closeDb();
    sharedUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = scratch.url;
  });
  afterAll(async () => {
    await closeDb();
    process.env.DATABASE_URL = sharedUrl;
    await scratch.drop();
  });

  it("hands a request to up to max_crunchers different crunchers and completes on agreement", async () => {
    const account = await makeAccount();
    const request = await makeChoiceRequest(account.id, { confidence: { min_agreements: 2, max_crunchers: 3 } });
    const [a, b, c, d] = ["a", "b", "c", "d"].map(hex);
    const leaseA = await leaseNextTask(getDb(), account.id, a!);
    expect(leaseA?.request.id).toBe(request.id);
    // The same cruncher gets its own lease back rather than a second slot.
    expect((await leaseNextTask(getDb(), account.id, a!))?.assignmentId).toBe(leaseA!.assignmentId);
    const leaseB = (await leaseNextTask(getDb(), account.id, b!))!;
    const leaseC = (await leaseNextTask(getDb(), account.id, c!))!;
    expect(await leaseNextTask(getDb(), account.id, d!)).toBeNull(); // all three slots are taken
    expect(await submitAnswer(getDb(), a!, leaseA!.assignmentId, ["no violence"])).toMatchObject({ ok: true, requestStatus: "pending" });
    expect(await submitAnswer(getDb(), b!, leaseB.assignmentId, ["mild violence"])).toMatchObject({ ok: true, requestStatus: "pending" });
    expect(await submitAnswer(getDb(), c!, leaseC.assignmentId, ["no violence"])).toMatchObject({ ok: true, requestStatus: "complete" });
    const done = await getTaskRequestInternal(getDb(), request.id);
    expect(done).toMatchObject({ status: "complete", response: ["no violence"] });
    expect(done!.answers.map((x) => x.cruncherId)).toEqual([a, b, c]);
  });

  it("refuses answers that do not fit the request, and answers without a lease", async () => {
    const account = await makeAccount();
    await makeChoiceRequest(account.id);
    const cruncher = hex("refuse");
    const lease = (await leaseNextTask(getDb(), account.id, cruncher))!;
    const bad = await submitAnswer(getDb(), cruncher, lease.assignmentId, ["not a choice"]);
    expect(bad).toMatchObject({ ok: false, reason: "invalid" });
    expect(await submitAnswer(getDb(), hex("other"), lease.assignmentId, ["no violence"])).toMatchObject({ ok: false, reason: "not_leased" });
    expect(await submitAnswer(getDb(), cruncher, lease.assignmentId, ["no violence"])).toMatchObject({ ok: true, requestStatus: "complete" });
  });

  it("returns abandoned and skipped slots to the queue, never to the same cruncher after a skip", async () => {
    const account = await makeAccount();
    const request = await makeChoiceRequest(account.id);
    const [x, y] = [hex("x"), hex("y")];
    const lease = (await leaseNextTask(getDb(), account.id, x, 1))!;
    expect(lease.request.id).toBe(request.id);
    await getSql()`update task_assignments set lease_until = now() - interval '1 second' where id = ${lease.assignmentId}`;
    expect(await renewLease(getDb(), x, lease.assignmentId)).toBeNull();
    const again = (await leaseNextTask(getDb(), account.id, y))!;
    expect(again.request.id).toBe(request.id);
    expect(await skipTask(getDb(), y, again.assignmentId)).toBe(true);
    const next = await leaseNextTask(getDb(), account.id, y);
    expect(next?.request.id === request.id).toBe(false);
    expect((await leaseNextTask(getDb(), account.id, x))?.request.id).toBe(request.id);
  });

  it("lets 50 concurrent crunchers drain 10,000 tasks with no exclusion, duplicate, loss or overrun", async () => {
    const account = await makeAccount();
    const sql = getSql();
    const crunchers = Array.from({ length: 50 }, (_, i) => hex(`cruncher-${i}`));
    const template = await makeChoiceRequest(account.id, { confidence: { min_agreements: 2, max_crunchers: 3 } });
    // 10,000 requests in one statement: every third has majority 2 of 3, every fifth excludes two crunchers.
    await sql`
      insert into task_requests (workspace_id, mode, type, params, max_crunchers, min_agreements, exclude_crunchers, created_at)
      select ${account.id}, 'live', 'multiple-choice',
        case when g % 3 = 0 then ${JSON.stringify(template.params)}::jsonb else (${JSON.stringify(template.params)}::jsonb - 'confidence') end,
        case when g % 3 = 0 then 3 else 1 end, case when g % 3 = 0 then 2 else 1 end,
        case when g % 5 = 0 then array[${crunchers[g5a()]!}, ${crunchers[g5b()]!}] else '{}'::text[] end,
        now() + g * interval '1 microsecond'
      from generate_series(1, 9999) g`;
    function g5a() { return 7; }
    function g5b() { return 11; }
    const work = async (cruncher: string, i: number) => {
      for (;;) {
        const lease = await leaseNextTask(getDb(), account.id, cruncher);
        if (!lease) return;
        const choice = CHOICES[(i + lease.request.id.charCodeAt(0)) % 2]!;
        const outcome = await submitAnswer(getDb(), cruncher, lease.assignmentId, [choice]);
        if (!outcome.ok && outcome.reason === "invalid") throw new Error(outcome.message);
      }
    };
    await Promise.all(crunchers.map((c, i) => work(c, i)));
    const [summary] = await sql`
      select count(*)::int as total, count(*) filter (where status = 'complete')::int as complete
      from task_requests where workspace_id = ${account.id}`;
    expect(summary).toEqual({ total: 10_000, complete: 10_000 });
    const [violations] = await sql`
      select
        count(*) filter (where a.cruncher_id = any(r.exclude_crunchers))::int as excluded,
        (select count(*)::int from (select request_id from task_assignments where workspace_id = ${account.id} and state = 'answered'
           group by request_id, cruncher_id having count(*) > 1) d) as duplicates,
        (select count(*)::int from (select r2.id from task_requests r2 join task_assignments a2 on a2.request_id = r2.id and a2.state = 'answered'
           where r2.workspace_id = ${account.id} group by r2.id, r2.max_crunchers having count(*) > r2.max_crunchers) o) as overruns,
        (select count(*)::int from task_requests r3 where r3.workspace_id = ${account.id}
           and not exists (select 1 from task_assignments a3 where a3.request_id = r3.id and a3.state = 'answered')) as unanswered
      from task_assignments a join task_requests r on r.id = a.request_id where r.workspace_id = ${account.id}`;
    expect(violations).toEqual({ excluded: 0, duplicates: 0, overruns: 0, unanswered: 0 });
  }, 300_000);
});
