import type { RequestType } from "@/lib/tasks/request-types";
import type { WorkTask } from "@/lib/tasks/work-task";

export type TaskOf<T extends RequestType> = Extract<WorkTask, { type: T }>;

/** Every answer page gets its task and reports its draft answer, complete or not, on each change. */
export interface AnswerProps<T extends RequestType> {
  task: TaskOf<T>;
  onChange: (answer: unknown) => void;
}
