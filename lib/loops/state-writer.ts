import { sql } from "drizzle-orm";
import { executePrepared, type Database } from "@/db/client";
import { processSingleton } from "@/lib/process-singleton";
import { GroupCommitter, type MemberOutcome } from "./group-commit";
import { versionsNotice } from "./loop-cache";

/** What a group stores: the model's states (a checkpoint), or its requests to learn again (loop-log.ts). */
export type StateChange = { learnerState: string; monitorState: string } | { entries: string };

/** A learned group's change for one loop, to be stored if the row is still at `version`. */
export interface StateWrite {
  db: Database;
  /** In lower case, as Postgres returns it. */
  loopId: string;
  version: number;
  change: StateChange;
  metrics: Record<string, unknown>;
  trained: number;
}

const bytesOf = (change: StateChange) => ("entries" in change ? change.entries.length : change.learnerState.length + change.monitorState.length);

/** The stored row after a write, or null when the row had moved on (another process wrote first). */
export type Written = { nSeen: number; version: number } | null;

/** Writes stored in one statement, and their bytes. */
// 100 versions (~61 bytes each) keep the statement's one NOTIFY under Postgres's 8,000-byte payload.
const MAX_WRITES = 100;
const MAX_WRITE_BYTES = 16 * 1024 * 1024;

const writer = processSingleton(
  "loops.state-writer",
  () =>
    new GroupCommitter<StateWrite & { rows: number; bytes: number }, Written>((_key, writes) => writeAll(writes), {
      groupRows: MAX_WRITES,
      groupBytes: MAX_WRITE_BYTES,
      // One write waits per loop at most (a loop's groups run one at a time): the loops in training bound it.
      queuedRows: Number.MAX_SAFE_INTEGER,
      queuedBytes: Number.MAX_SAFE_INTEGER,
    }),
);

/**
 * Stores a group's change (its states, or its requests): compare-and-set on the row's version,
 * committed before this resolves. Writes of different loops that are ready together share one
 * statement, so one commit (one WAL flush, one round trip) serves many loops.
 */
export function writeState(write: StateWrite): Promise<Written> {
  return writer.submit("all", { ...write, rows: 1, bytes: bytesOf(write.change) });
}

async function writeAll(writes: StateWrite[]): Promise<MemberOutcome<Written>[]> {
  try {
    return await writeTogether(writes);
  } catch (error) {
    if (writes.length === 1) throw error;
    // One statement failed (a deadlock with another process's, at worst): each write on its own, so
    // that one loop's failure is its own.
    return Promise.all(writes.map((w) => writeTogether([w]).then((outcomes) => outcomes[0]!, (e: unknown) => ({ ok: false as const, error: e }))));
  }
}

/**
 * One statement: a single round trip, committed on its own. The UPDATE moves each row still at its
 * version; a checkpoint stores the states (a state not given keeps its stored value, which Postgres
 * does not copy) and drops the batches it covers, a logged batch is inserted at the row's new version.
 * One NOTIFY names every version the statement stored (sent at commit), rather than one per loop.
 */
async function writeTogether(writes: StateWrite[]): Promise<MemberOutcome<Written>[]> {
  // Two writes of one loop in one statement would update its row once and answer both as stored.
  if (new Set(writes.map((w) => w.loopId)).size !== writes.length) throw new Error("one loop's state written twice in one statement");
  const values = sql.join(
    writes.map((w) => {
      const state = "entries" in w.change ? null : w.change;
      const entries = "entries" in w.change ? w.change.entries : null;
      return sql`(${w.loopId}::uuid, ${w.version}::integer, ${state?.learnerState ?? null}::text, ${state?.monitorState ?? null}::text, ${entries}::text, ${JSON.stringify(w.metrics)}::jsonb, ${w.trained}::integer)`;
    }),
    sql`, `,
  );
  const rows = await executePrepared<{ id: string; n_seen: number; version: number }>(writes[0]!.db, sql`
    with v(id, version, learner, monitor, entries, metrics, trained) as (values ${values}),
    up as (
      update "loops" set
        "learner_state" = coalesce(v.learner, "loops"."learner_state"),
        "monitor_state" = coalesce(v.monitor, "loops"."monitor_state"),
        "state_version" = case when v.entries is null then "loops"."version" + 1 else "loops"."state_version" end,
        "metrics" = v.metrics, "n_seen" = "loops"."n_seen" + v.trained, "version" = "loops"."version" + 1, "last_trained_at" = now()
      from v
      where "loops"."id" = v.id and "loops"."version" = v.version
      returning "loops"."id", "loops"."workspace_id", "loops"."n_seen", "loops"."version", v.entries
    ),
    logged as (
      insert into "loop_examples" ("workspace_id", "loop_id", "version", "entries")
      select up.workspace_id, up.id, up.version, up.entries from up where up.entries is not null
    ),
    covered as (
      delete from "loop_examples" e using up where up.entries is null and e.loop_id = up.id and e.version <= up.version
    )
    select id, n_seen, version, (select ${versionsNotice(sql`up.id`, sql`up.version`)} from up) as notified from up`);
  const saved = new Map<string, { nSeen: number; version: number }>();
  for (const row of rows) saved.set(row.id, { nSeen: Number(row.n_seen), version: Number(row.version) });
  return writes.map((w) => ({ ok: true, value: saved.get(w.loopId) ?? null }));
}
