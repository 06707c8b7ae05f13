import type { LoopRow } from "@/db/schema";
import type { LoopModel } from "./engine";

/** The loop's model as a JSON download (GET /definitions/{id}/model and the loop page's button). */
export function modelDownload(row: LoopRow, model: LoopModel): { filename: string; body: Record<string, unknown> } {
  const { learner, monitor } = model;
  return {
    filename: `loop-${row.id}-v${row.version}.json`,
    body: {
      format: "crucible-loop-model/1",
      loop_id: row.id,
      name: row.name,
      task_type: row.taskType,
      input_schema: row.inputSchema,
      output_schema: row.outputSchema,
      settings: row.settings,
      model_version: row.version,
      n_seen: row.nSeen,
      learner,
      monitor,
    },
  };
}
