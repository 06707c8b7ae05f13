import { and, eq, lte, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { loopExamples, loops } from "@/db/schema";
import { isUuid } from "@/lib/ids";
import type { LoopModel } from "./engine";
import { GroupCommitter, QueueFullError, type MemberOutcome } from "./group-commit";
import { MAX_BODY_BYTES, MAX_QUEUED_TRAIN_BYTES, MAX_QUEUED_TRAIN_ROWS, MAX_ROWS_PER_REQUEST } from "./limits";
import { cache, loadedFrom, remember, rowWithLog, versionNotice, type LoadedLoop } from "./loop-cache";
import { entriesText, LOG_BYTES, LOG_GROUP_BYTES, LOG_LEARN_MS, NOTHING_LOGGED, type LoggedRequest, type SinceCheckpoint } from "./loop-log";
import { compactMetrics } from "./metrics-summary";
import { cloneJson } from "./model-codec";
import { observe } from "./monitor";
import { EventLoopPacer, isLargeModel } from "./pacer";
import { processSingleton } from "@/lib/process-singleton";
import { writeState, type StateChange } from "./state-writer";
import { storeModel } from "./stored-model";
import type { LoopSpec } from "./types";

export type TrainResult<T> =
  | { ok: true; result: T; nSeen: number; version: number }
  | { ok: false; reason: "not_found" | "not_defined" | "busy" };

/** A request's learning on the group's copy of the model; it may give the event loop back through the pacer. */
export type Learn<T> = (spec: LoopSpec, model: LoopModel, pacer: EventLoopPacer) => Promise<T>;

type Trained = { trained: number };

/** One /train/ request in a group: its rows and bytes count against the group's and the queue's bounds. */
interface Member {
  db: Database;
  workspaceId: string;
  learn: Learn<Trained>;
  /** How to learn it again from the log: set when `learn` is trainRows on this body (loop-log.ts). */
  logged?: LoggedRequest;
  rows: number;
  bytes: number;
}

type Answer = TrainResult<Trained>;

const committer = processSingleton(
  "loops.train-groups",
  () =>
    new GroupCommitter<Member, Answer>((loopId, members) => applyGroup(loopId, members), {
      groupRows: MAX_ROWS_PER_REQUEST,
      groupBytes: MAX_BODY_BYTES,
      queuedRows: MAX_QUEUED_TRAIN_ROWS,
      queuedBytes: MAX_QUEUED_TRAIN_BYTES,
    }),
);

/**
 * Learns a request's rows on the loop's model, stores it and publishes it to readers; resolves once the
 * transaction holding them has committed (an answer is never given for what could still be lost).
 *
 * Group commit: concurrent requests for one loop in this process coalesce (group-commit.ts) into one
 * copy of the model, learned request after request in arrival order, and one write and one commit for
 * the whole group. A request's rows are never split across groups. The write is the group's requests
 * when `logged` is given for each and the loop's log has room (loop-log.ts), else the model's states.
 *
 * Groups are ordered across processes by the row's version: the write applies only if the row is
 * still at the version the group learned from (state-writer.ts: one statement, one round trip,
 * committed on its own, shared with other loops' writes that are ready at the same time). Learning
 * starts from this process's cached model, so a group costs no read while this process is the one
 * writing. If another
 * process got there first, the group is learned again from the row as it now is; after
 * OPTIMISTIC_ATTEMPTS such conflicts it takes the row lock (SELECT … FOR UPDATE) and learns under it.
 * `learn` must therefore be repeatable: it gets a fresh copy each time. A `learn` that throws fails
 * its own request only: the group is learned again without it, so nothing of it is applied.
 *
 * `size` is the request's rows and body bytes; the loop's queue is bounded (limits.ts): past it the
 * answer is `busy` at once. `logged` is the request as it can be learned again: only when `learn` is
 * trainRows on that body's `data` at that time.
 */
export async function trainLoop<T extends Trained>(
  db: Database,
  workspaceId: string,
  loopId: string,
  learn: Learn<T>,
  size: { rows: number; bytes: number } = { rows: 1, bytes: 0 },
  logged?: LoggedRequest,
): Promise<TrainResult<T>> {
  if (!isUuid(loopId)) return { ok: false, reason: "not_found" };
  try {
    // As Postgres spells it: one queue, one cache entry and one write per loop, however the id was sent.
    return (await committer.submit(loopId.toLowerCase(), { db, workspaceId, learn, logged, ...size })) as TrainResult<T>;
  } catch (error) {
    if (error instanceof QueueFullError) return { ok: false, reason: "busy" };
    throw error;
  }
}

const OPTIMISTIC_ATTEMPTS = 3;

/** A member whose `learn` threw: its index in the group and what it threw. */
class MemberFailed extends Error {
  constructor(
    readonly index: number,
    readonly failure: unknown,
  ) {
    super("a member of the group failed");
  }
}

/** Applies the group; a member that fails is answered with its error and the rest learned again without it. */
async function applyGroup(loopId: string, members: Member[]): Promise<MemberOutcome<Answer>[]> {
  const outcomes: MemberOutcome<Answer>[] = new Array(members.length);
  let live = members.map((_, i) => i);
  while (live.length) {
    try {
      const answers = await applyOnce(loopId, live.map((i) => members[i]!));
      answers.forEach((value, j) => (outcomes[live[j]!] = { ok: true, value }));
      return outcomes;
    } catch (error) {
      if (!(error instanceof MemberFailed)) throw error;
      outcomes[live[error.index]!] = { ok: false, error: error.failure };
      live = live.filter((_, j) => j !== error.index);
    }
  }
  return outcomes;
}

/** The group learned on a copy of `base`: each member's result (null: not its account's loop) and the rows learned. */
interface Learned {
  current: LoadedLoop;
  results: (Trained | null)[];
  trained: number;
  /** How long learning the members took: about what learning them again from the log costs. */
  learnMs: number;
}

/**
 * The group learns on a copy of the learner and on the loop's spare monitor when it has one (a copy of
 * the published monitor otherwise), recording what the monitor observed. The published model is never
 * touched: predictions and readers never see a group before its commit. After the commit,
 * `publishLearned` brings the published monitor to the same state by observing the same again, and
 * the group's monitor becomes the next spare. A group that fails has taken the spare with it.
 */
async function learnGroup(base: LoadedLoop, members: Member[], pacer: EventLoopPacer): Promise<Learned> {
  const large = isLargeModel(base.model.learner);
  if (large || pacer.dueNow()) await pacer.pause();
  const monitor = base.spareMonitor ?? cloneJson(base.model.monitor);
  base.spareMonitor = undefined;
  const current: LoadedLoop = { ...base, model: { learner: cloneJson(base.model.learner), monitor, journal: [] } };
  if (large || pacer.dueNow()) await pacer.pause();
  const results: (Trained | null)[] = [];
  let trained = 0;
  const started = performance.now();
  for (let i = 0; i < members.length; i++) {
    const member = members[i]!;
    if (member.workspaceId !== base.workspaceId) {
      results.push(null);
      continue;
    }
    let result: Trained;
    try {
      result = await member.learn(current.spec, current.model, pacer);
    } catch (error) {
      throw new MemberFailed(i, error);
    }
    results.push(result);
    trained += result.trained;
  }
  const learnMs = performance.now() - started;
  if (trained && (large || pacer.dueNow())) await pacer.pause(); // before packing the learned model
  return { current, results, trained, learnMs };
}

const answersOf = (learned: Learned, nSeen: number, version: number): Answer[] =>
  learned.results.map((result) => (result === null ? { ok: false, reason: "not_found" } : { ok: true, result, nSeen, version }));

/** Every member's answer when the loop cannot be trained: a member of another account is told it does not exist. */
function refused(members: Member[], row: { workspaceId: string; deletedAt: Date | null } | undefined): Answer[] {
  return members.map((m) => ({ ok: false, reason: row && !row.deletedAt && row.workspaceId === m.workspaceId ? "not_defined" : "not_found" }));
}

async function applyOnce(loopId: string, members: Member[]): Promise<Answer[]> {
  const db = members[0]!.db;
  const pacer = new EventLoopPacer();
  for (let attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt++) {
    let base = attempt === 0 ? cache.entries.get(loopId)?.loaded : undefined;
    if (!base) {
      const [row] = await db.select(rowWithLog()).from(loops).where(eq(loops.id, loopId));
      if (!row || !row.taskType || row.deletedAt) return refused(members, row);
      base = await loadedFrom(row);
    }
    const learned = await learnGroup(base, members, pacer);
    if (!learned.trained) return answersOf(learned, base.nSeen, base.version);
    const { change, logged } = changeOf(learned, members);
    const saved = await writeState({ db, loopId, version: base.version, trained: learned.trained, metrics: metricsOf(learned.current), change });
    if (saved) {
      publishLearned(loopId, base, learned, { nSeen: saved.nSeen, version: saved.version, logged });
      return answersOf(learned, saved.nSeen, saved.version);
    }
    cache.entries.delete(loopId); // another process moved the row on
  }
  return applyLocked(db, loopId, members);
}

/** Observations past which a copy of the monitor (~200 µs) is cheaper than observing them again (~6 µs each). */
const REPLAY_LIMIT = 32;

/**
 * Publishes a committed group: the published monitor observes what the group's monitor observed (the
 * monitor is deterministic, so the two are then in the same state, bit for bit) and stays the one
 * readers see; the group's monitor is kept as the spare for the next group.
 */
function publishLearned(loopId: string, base: LoadedLoop, learned: Learned, stored: { nSeen: number; version: number; logged: SinceCheckpoint }): void {
  const { learner, monitor, journal } = learned.current.model;
  if (journal!.length > REPLAY_LIMIT) {
    // Observing a large group again costs more than the next group's copy: publish the group's monitor.
    remember(loopId, { ...learned.current, ...stored, model: { learner, monitor } });
    return;
  }
  const published = base.model.monitor;
  for (const observation of journal!) observe(published, observation);
  remember(loopId, { ...learned.current, ...stored, model: { learner, monitor: published }, spareMonitor: monitor });
}

/** The monitor's summary for lists, stored with every group. */
const metricsOf = (current: LoadedLoop) => ({ ...compactMetrics(current.model.monitor) });

/**
 * What the group stores (loop-log.ts): its requests, when every member can be learned again from its
 * body, the group's bodies are small (LOG_GROUP_BYTES) and the log since the states were stored stays
 * within its bounds; else the states themselves.
 */
function changeOf(learned: Learned, members: Member[]): { change: StateChange; logged: SinceCheckpoint } {
  const requests: LoggedRequest[] = [];
  let replayable = true;
  learned.results.forEach((result, i) => {
    if (result === null) return;
    const logged = members[i]!.logged;
    if (logged) requests.push(logged);
    else replayable = false;
  });
  // Large groups store the states without building the entries they would not use.
  if (replayable && requests.reduce((n, r) => n + r.text.length, 0) <= LOG_GROUP_BYTES) {
    const entries = entriesText(requests);
    const since = learned.current.logged;
    const logged = { bytes: since.bytes + entries.length, learnMs: since.learnMs + learned.learnMs };
    if (logged.bytes <= LOG_BYTES && logged.learnMs <= LOG_LEARN_MS) return { change: { entries }, logged };
  }
  return { change: storeModel(learned.current.model), logged: NOTHING_LOGGED };
}

/** The row's state after the group's `trained` examples (the locked path stores the states). */
function storedChanges({ current, trained }: Learned) {
  return {
    ...storeModel(current.model),
    metrics: metricsOf(current),
    stateVersion: sql`${loops.version} + 1`,
    nSeen: sql`${loops.nSeen} + ${trained}`,
    version: sql`${loops.version} + 1`,
    lastTrainedAt: sql`now()`,
  };
}

/** RETURNING of a stored group: pg_notify sees the new version and is delivered at commit. */
function savedColumns(loopId: string) {
  return { nSeen: loops.nSeen, version: loops.version, notified: sql<string>`${versionNotice(sql`${loopId}`, sql`${loops.version}`)}` };
}

/**
 * The pessimistic path, after repeated conflicts: the row lock, held while learning. The cached model
 * is used when the locked row is still at its version; only otherwise is the state read.
 */
async function applyLocked(db: Database, loopId: string, members: Member[]): Promise<Answer[]> {
  const pacer = new EventLoopPacer();
  const published: { loop: LoadedLoop | null } = { loop: null };
  const answers = await db.transaction(async (tx) => {
    const [head] = await tx
      .select({ version: loops.version, workspaceId: loops.workspaceId, taskType: loops.taskType, deletedAt: loops.deletedAt })
      .from(loops)
      .where(eq(loops.id, loopId))
      .for("update");
    if (!head || !head.taskType || head.deletedAt) return refused(members, head);
    let base = cache.entries.get(loopId)?.loaded;
    if (!base || base.version !== head.version) {
      const [row] = await tx.select(rowWithLog()).from(loops).where(eq(loops.id, loopId));
      base = await loadedFrom(row!);
    }
    const learned = await learnGroup(base, members, pacer);
    if (!learned.trained) return answersOf(learned, base.nSeen, base.version);
    const [saved] = await tx.update(loops).set(storedChanges(learned)).where(eq(loops.id, loopId)).returning(savedColumns(loopId));
    await tx.delete(loopExamples).where(and(eq(loopExamples.loopId, loopId), lte(loopExamples.version, saved!.version)));
    const { learner, monitor } = learned.current.model;
    published.loop = { ...learned.current, model: { learner, monitor }, nSeen: saved!.nSeen, version: saved!.version, logged: NOTHING_LOGGED };
    return answersOf(learned, saved!.nSeen, saved!.version);
  });
  if (published.loop) remember(loopId, published.loop);
  return answers;
}
