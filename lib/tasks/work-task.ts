import type { LeasedTask } from "@/lib/tasks/queue";
import type { ParamsByType, RequestType } from "@/lib/tasks/request-types";

/**
 * A task as the work page receives it: the question and nothing else. Other crunchers' answers,
 * the requester's webhook, exclusion list and confidence settings never leave the server.
 */
export type WorkTask = {
  [T in RequestType]: { assignmentId: string; requestId: string; leaseUntil: string; type: T; params: ParamsByType[T] };
}[RequestType];

const PRIVATE_PARAMS = ["hook_url", "exclude_crunchers", "confidence"];

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

/** What each request type asks for, in the words the pages use. */
export const TYPE_LABELS: Record<RequestType, string> = {
  "multiple-choice": "Multiple choice",
  "free-text": "Free text",
  rating: "Rating",
  image: "Image",
  video: "Video",
  audio: "Audio",
  annotations: "Annotations",
  "annotations-with-multiple-choice": "Annotations with a choice",
  "annotations-with-free-text": "Annotations with text",
  "annotations-with-rating": "Annotations with a rating",
};
