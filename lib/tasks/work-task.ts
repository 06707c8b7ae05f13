import type { LeasedTask } from "@/lib/tasks/queue";
import type { ParamsByType, RequestType } from "@/lib/tasks/request-types";

/**
 * A task as the work page receives it: the question and nothing else. Other crunchers' answers,
 * the requester's webhook, exclusion list and confidence settings never leave the server.
 */
export type WorkTaskOf<T extends RequestType> = {
  [K in T]: { assignmentId: string; requestId: string; leaseUntil: string; type: K; params: ParamsByType[K] };
}[T];
export type WorkTask = WorkTaskOf<RequestType>;

const PRIVATE_PARAMS = ["hook_url", "exclude_crunchers", "confidence", "gold", "tags", "batch"];

export function workTaskOf(lease: LeasedTask): WorkTask {
  const params = Object.fromEntries(Object.entries(lease.request.params).filter(([name]) => !PRIVATE_PARAMS.includes(name)));
  return {
    assignmentId: lease.assignmentId,
    requestId: lease.request.id,
    leaseUntil: lease.leaseUntil.toISOString(),
    type: lease.request.type,
    params,
  } as WorkTask;
}
