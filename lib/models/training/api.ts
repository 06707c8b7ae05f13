import { getDb } from "@/db/client";
import { ApiError } from "@/lib/http/errors";
import { defineRoute, type RouteDefinition } from "@/lib/http/family";
import { modelsApi } from "@/lib/http/families";
import { listQuerySchema } from "../schemas";
import { trainingCreateSchema } from "./schemas";
import { startTrainingJob } from "./start-job";
import { getTrainingJob, listTrainingJobs } from "./store";
import { trainingJobResponse } from "./view";

// The training endpoints of the models document (/mltraining/…): the models family's keys and
// FastAPI-style errors; another account's model or job is a 404.

const addTraining = defineRoute(modelsApi, { method: "POST", path: "/mltraining/add", summary: "Retrain a model with its uploaded code and data, in the sandbox", body: trainingCreateSchema }, async ({ auth, body }) => {
  const result = await startTrainingJob(getDb(), auth.workspaceId, { modelId: body.modelid, placement: body.placement, trigger: "api" });
  if (!result.ok) throw new ApiError(result.status, result.message);
  return { status: 201, body: trainingJobResponse(result.job) };
});

const allTraining = defineRoute(modelsApi, { method: "GET", path: "/mltraining/all", summary: "The account's training jobs", query: listQuerySchema }, async ({ auth, query }) => ({
  status: 200,
  body: (await listTrainingJobs(getDb(), auth.workspaceId, query)).map(trainingJobResponse),
}));

const oneTraining = defineRoute(modelsApi, { method: "GET", path: "/mltraining/:job_id", summary: "One training job with its log and outcome" }, async ({ request, auth }) => {
  const job = await getTrainingJob(getDb(), auth.workspaceId, request.params.job_id!);
  if (!job) throw new ApiError(404, "Training job not found");
  return { status: 200, body: trainingJobResponse(job) };
});

export const trainingRoutes: RouteDefinition[] = [addTraining, allTraining, oneTraining];
