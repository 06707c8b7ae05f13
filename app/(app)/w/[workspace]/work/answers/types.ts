import type { RequestType } from "@/lib/tasks/request-types";
import type { WorkTaskOf } from "@/lib/tasks/work-task";

export type TaskOf<T extends RequestType> = WorkTaskOf<T>;

/**
 * Every answer page gets its task and reports its draft answer, complete or not, on each change.
 * `draftKey` names where a page may keep its unsent work in this browser (work-drafts.ts).
 */
export interface AnswerProps<T extends RequestType> {
  task: TaskOf<T>;
  onChange: (answer: unknown) => void;
  draftKey: string;
}
