import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { taskAssignments, taskRequests } from "@/db/schema";
import type { Answer } from "../request-types";
import type { TaskAnswerRecord } from "../store";

/** The answers of a page of the workspace's requests, by request id, each in the order they arrived. */
export async function answersOfRequests(db: Database, workspaceId: string, requestIds: readonly string[]): Promise<Map<string, TaskAnswerRecord[]>> {
  const out = new Map<string, TaskAnswerRecord[]>();
  if (!requestIds.length) return out;
  const rows = await db
    .select({ requestId: taskAssignments.requestId, cruncherId: taskAssignments.cruncherId, answer: taskAssignments.answer, answeredAt: taskAssignments.answeredAt })
    .from(taskAssignments)
    .innerJoin(taskRequests, eq(taskRequests.id, taskAssignments.requestId))
    .where(and(eq(taskRequests.workspaceId, workspaceId), inArray(taskAssignments.requestId, [...requestIds]), eq(taskAssignments.state, "answered")))
    .orderBy(asc(taskAssignments.answeredAt), asc(taskAssignments.id));
  for (const r of rows) {
    const list = out.get(r.requestId) ?? [];
    list.push({ cruncherId: r.cruncherId, answer: r.answer as Answer, answeredAt: r.answeredAt! });
    out.set(r.requestId, list);
  }
  return out;
}
