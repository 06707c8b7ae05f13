// Every domain's background workers; imported once by server.ts and worker-main.ts.
import { registerAuthWorkers } from "@/lib/auth/workers";
import { registerBlobGcWorkers } from "@/lib/blobs/gc";
import { registerDriftWorkers } from "@/lib/models/drift/worker";
import { registerTrainingWorkers } from "@/lib/models/training/worker";
import { registerTaskWorkers } from "@/lib/tasks/workers";
import { registerTrashWorkers } from "@/lib/trash/worker";
import { addWorkers } from "./workers";

let registered = false;

export function registerAllWorkers(): void {
  if (registered) return;
  registered = true;
  addWorkers(registerTaskWorkers);
  addWorkers(registerTrainingWorkers);
  addWorkers(registerDriftWorkers);
  addWorkers(registerBlobGcWorkers);
  addWorkers(registerAuthWorkers);
  addWorkers(registerTrashWorkers);
}
