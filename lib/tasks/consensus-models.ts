import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { taskAssignments, taskConsensusModels, taskRequests } from "@/db/schema";
import { consensusModel, type ConsensusModel } from "./consensus/adaptive-overlap";
import { multipleChoiceClasses, ratingClasses, type ClassMapping } from "./consensus/classes";
import { dawidSkene, type LabelledAnswer } from "./consensus/dawid-skene";
import type { Answer, ParamsByType, RequestParams, RequestType } from "./request-types";
import type { DbOrTx } from "./store";

/*
 * The per-workspace Dawid–Skene models adaptive overlap decides with. One model per kind of
 * question: "multiple-choice" (classes are choice positions, one answer per cruncher) and one per
 * rating scale ("rating:<min>:<max>:<step>", classes are its steps). A model is fitted from the
 * workspace's latest live answers (gold questions clamped to their known answer), stored in
 * task_consensus_models, refitted by the periodic job (workers.ts) and on demand when missing or
 * when a request offers more classes than it knows.
 */

/** The latest answers a fit reads: bounds its time and memory whatever the history. */
export const FIT_ANSWER_WINDOW = 20_000;
/** Refit a stored model when it is older than this (the periodic job). */
export const REFIT_AFTER_MS = 10 * 60_000;
/** Models refitted per run of the job. */
export const REFIT_BATCH = 50;
/**
 * Before a workspace has any history, every cruncher is assumed right this often, wrong answers
 * spread evenly: one answer then gives ~0.75 and two agreeing ones ≥ 0.9 on 2–5 choices.
 */
export const NEWCOMER_ACCURACY = 0.75;

/** How a request's answers become classes, and the model it is decided with; null when Dawid–Skene does not apply. */
export function consensusKindOf(type: RequestType, params: RequestParams): { kind: string; mapping: ClassMapping<Answer> } | null {
  if (type === "multiple-choice") {
    const mapping = multipleChoiceClasses(params as ParamsByType["multiple-choice"]);
    return mapping ? { kind: "multiple-choice", mapping: mapping as ClassMapping<Answer> } : null;
  }
  if (type === "rating") {
    const p = params as ParamsByType["rating"];
    const mapping = ratingClasses(p);
    return mapping ? { kind: `rating:${p.rating_min}:${p.rating_max}:${p.rating_step}`, mapping: mapping as ClassMapping<Answer> } : null;
  }
  return null;
}

/** The model of a workspace with no usable history: uniform priors, every cruncher a NEWCOMER_ACCURACY newcomer. */
export function newcomerModel(classes: number): ConsensusModel {
  const wrong = (1 - NEWCOMER_ACCURACY) / (classes - 1);
  const fallback = Array.from({ length: classes }, (_, k) => Array.from({ length: classes }, (_, l) => (k === l ? NEWCOMER_ACCURACY : wrong)));
  return { classes, priors: new Array<number>(classes).fill(1 / classes), confusion: {}, fallback };
}

interface HistoryRow {
  requestId: string;
  cruncherId: string;
  type: string;
  params: unknown;
  answer: unknown;
  gold: boolean;
}

/** Fits a model from answer rows (pure): requests of another kind are left out; at least `minClasses` classes. */
export function fitFromHistory(kind: string, rows: readonly HistoryRow[], minClasses: number): { model: ConsensusModel; answers: number } {
  const answers: LabelledAnswer[] = [];
  const itemClasses: Record<string, number> = {};
  const gold: Record<string, number> = {};
  let classes = Math.max(2, minClasses);
  for (const row of rows) {
    const params = row.params as RequestParams;
    const of = consensusKindOf(row.type as RequestType, params);
    if (!of || of.kind !== kind) continue;
    const label = of.mapping.labelOf(row.answer as Answer);
    if (label === null) continue;
    answers.push({ item: row.requestId, worker: row.cruncherId, label });
    itemClasses[row.requestId] = of.mapping.classes;
    classes = Math.max(classes, of.mapping.classes);
    if (row.gold && params.gold !== undefined) {
      const known = of.mapping.labelOf(params.gold as Answer);
      if (known !== null) gold[row.requestId] = known;
    }
  }
  if (answers.length === 0) return { model: newcomerModel(classes), answers: 0 };
  const fit = dawidSkene({ classes, answers, itemClasses, gold });
  return { model: consensusModel(fit), answers: answers.length };
}

/** Fits the workspace's model of this kind from its latest live answers and stores it. */
export async function refitConsensusModel(db: DbOrTx, workspaceId: string, kind: string, minClasses = 2): Promise<ConsensusModel> {
  const type = kind === "multiple-choice" ? "multiple-choice" : "rating";
  const rows = await db
    .select({
      requestId: taskAssignments.requestId,
      cruncherId: taskAssignments.cruncherId,
      type: taskRequests.type,
      params: taskRequests.params,
      answer: taskAssignments.answer,
      gold: taskRequests.gold,
    })
    .from(taskAssignments)
    .innerJoin(taskRequests, eq(taskRequests.id, taskAssignments.requestId))
    .where(
      and(
        eq(taskAssignments.workspaceId, workspaceId),
        eq(taskAssignments.state, "answered"),
        eq(taskRequests.mode, "live"),
        eq(taskRequests.type, type),
      ),
    )
    .orderBy(desc(taskAssignments.answeredAt))
    .limit(FIT_ANSWER_WINDOW);
  const { model, answers } = fitFromHistory(kind, rows, minClasses);
  const stored = { model: model as unknown as Record<string, unknown>, answers, fittedAt: sql`now()` };
  await db
    .insert(taskConsensusModels)
    .values({ workspaceId, kind, ...stored })
    .onConflictDoUpdate({ target: [taskConsensusModels.workspaceId, taskConsensusModels.kind], set: stored });
  return model;
}

/** The stored model, fitted now when there is none or it knows fewer classes than the request offers. */
export async function consensusModelFor(db: DbOrTx, workspaceId: string, kind: string, classes: number): Promise<ConsensusModel> {
  const [row] = await db
    .select({ model: taskConsensusModels.model })
    .from(taskConsensusModels)
    .where(and(eq(taskConsensusModels.workspaceId, workspaceId), eq(taskConsensusModels.kind, kind)));
  const stored = row?.model as ConsensusModel | undefined;
  if (stored && stored.classes >= classes) return stored;
  return refitConsensusModel(db, workspaceId, kind, classes);
}

/** The periodic refit: the REFIT_BATCH stalest models older than REFIT_AFTER_MS. Returns how many were refitted. */
export async function refitStaleConsensusModels(db: Database, now = new Date()): Promise<number> {
  const stale = await db
    .select({ workspaceId: taskConsensusModels.workspaceId, kind: taskConsensusModels.kind, model: taskConsensusModels.model })
    .from(taskConsensusModels)
    .where(lt(taskConsensusModels.fittedAt, new Date(now.getTime() - REFIT_AFTER_MS)))
    .orderBy(asc(taskConsensusModels.fittedAt))
    .limit(REFIT_BATCH);
  for (const { workspaceId, kind, model } of stale) await refitConsensusModel(db, workspaceId, kind, (model as unknown as ConsensusModel).classes);
  return stale.length;
}

/** The stored models of a workspace (kind, answers fitted on, when), for tests and the pages. */
export async function listConsensusModels(db: DbOrTx, workspaceId: string, kinds?: string[]) {
  return db
    .select({ kind: taskConsensusModels.kind, answers: taskConsensusModels.answers, fittedAt: taskConsensusModels.fittedAt, model: taskConsensusModels.model })
    .from(taskConsensusModels)
    .where(and(eq(taskConsensusModels.workspaceId, workspaceId), kinds ? inArray(taskConsensusModels.kind, kinds) : undefined));
}
