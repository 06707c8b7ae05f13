import { and, eq, ne, sql } from "drizzle-orm";
import { taskAssignments, taskRequests, workspaces } from "@/db/schema";
import { belowGoldThreshold, goldAccuracy, type GoldAccuracy } from "./consensus/gold-accuracy";
import type { DbOrTx } from "./store";

/*
 * Gold (control) questions on the cruncher side: how often they are mixed into a cruncher's work,
 * and the workspace rule that stops leasing tasks to a cruncher whose gold accuracy is surely below
 * the threshold (lib/tasks/consensus/gold-accuracy.ts: the Wilson interval's upper end).
 */

export interface GoldSettings {
  /** Share of a cruncher's tasks that are gold, 0 … GOLD_SETTINGS_BOUNDS.rate.max. */
  rate: number;
  /** 0 turns the rule off. */
  minAccuracy: number;
  minAnswers: number;
}

export const GOLD_SETTINGS_BOUNDS = {
  rate: { min: 0, max: 0.5 },
  minAccuracy: { min: 0, max: 0.99 },
  minAnswers: { min: 1, max: 1_000 },
} as const;

/** The standing is read from the cruncher's latest tasks in the workspace only, so a lease costs the same after years of work. */
export const STANDING_WINDOW = 2_000;

export const DEFAULT_GOLD_SETTINGS: GoldSettings = { rate: 0.1, minAccuracy: 0.6, minAnswers: 10 };

export async function goldSettingsOf(db: DbOrTx, workspaceId: string): Promise<GoldSettings> {
  const [row] = await db
    .select({ rate: workspaces.goldRate, minAccuracy: workspaces.goldMinAccuracy, minAnswers: workspaces.goldMinAnswers })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row ?? DEFAULT_GOLD_SETTINGS;
}

/** Stores the workspace's gold settings (validated by the caller against GOLD_SETTINGS_BOUNDS). */
export async function updateGoldSettings(db: DbOrTx, workspaceId: string, settings: GoldSettings): Promise<void> {
  await db
    .update(workspaces)
    .set({ goldRate: settings.rate, goldMinAccuracy: settings.minAccuracy, goldMinAnswers: settings.minAnswers })
    .where(eq(workspaces.id, workspaceId));
}

export interface GoldStanding {
  accuracy: GoldAccuracy;
  /** Tasks this cruncher took in the workspace (not skipped), and how many of them were gold. */
  tasks: number;
  goldTasks: number;
  /** Below the workspace rule: no more tasks are leased to them. */
  paused: boolean;
  /** The next task should be a gold question (the workspace's rate, kept exactly rather than drawn at random). */
  goldDue: boolean;
  settings: GoldSettings;
}

/** Whether the next task should be gold: gold tasks so far stay below rate × (tasks + 1), so the first one is gold. */
export function isGoldDue(rate: number, tasks: number, goldTasks: number): boolean {
  return rate > 0 && goldTasks < rate * (tasks + 1);
}

/** Whether the workspace rule pauses this cruncher (0 as the threshold turns the rule off). */
export function isPaused(accuracy: GoldAccuracy, settings: GoldSettings): boolean {
  return settings.minAccuracy > 0 && belowGoldThreshold(accuracy, settings.minAccuracy, settings.minAnswers);
}

/** The cruncher's gold record over their latest STANDING_WINDOW tasks in the workspace and what follows from it. */
export async function goldStanding(db: DbOrTx, workspaceId: string, cruncherId: string): Promise<GoldStanding> {
  const settings = await goldSettingsOf(db, workspaceId);
  // Newest first along task_assignments_workspace_cruncher_idx (leased, unanswered tasks first).
  const latest = db
    .select({ gold: taskRequests.gold, goldCorrect: taskAssignments.goldCorrect })
    .from(taskAssignments)
    .innerJoin(taskRequests, eq(taskRequests.id, taskAssignments.requestId))
    .where(and(eq(taskAssignments.workspaceId, workspaceId), eq(taskAssignments.cruncherId, cruncherId), ne(taskAssignments.state, "skipped")))
    .orderBy(sql`${taskAssignments.answeredAt} desc nulls first`)
    .limit(STANDING_WINDOW)
    .as("latest");
  const [row] = await db
    .select({
      tasks: sql<number>`count(*)`.mapWith(Number),
      goldTasks: sql<number>`count(*) filter (where ${latest.gold})`.mapWith(Number),
      goldAnswered: sql<number>`count(${latest.goldCorrect})`.mapWith(Number),
      goldCorrect: sql<number>`count(*) filter (where ${latest.goldCorrect})`.mapWith(Number),
    })
    .from(latest);
  const tasks = row?.tasks ?? 0;
  const goldTasks = row?.goldTasks ?? 0;
  const accuracy = goldAccuracy(row?.goldCorrect ?? 0, row?.goldAnswered ?? 0);
  return { accuracy, tasks, goldTasks, paused: isPaused(accuracy, settings), goldDue: isGoldDue(settings.rate, tasks, goldTasks), settings };
}
