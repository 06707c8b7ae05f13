import type { ZodError } from "zod";
import type { Database } from "@/db/client";
import { actionInputProblem } from "@/lib/http/action-input";
import { describeDetail, zodDetails } from "@/lib/http/errors";
import { modelCreateSchema, modelUpdateSchema } from "./schemas";
import { createModel, updateModel } from "./store";

// The model pages' forms (the server actions in app/(app)/w/[workspace]/(member)/models/actions.ts), framework-free:
// the actions add the session and the page revalidation.

export type ModelFormState = { ok: true; modelId: string } | { ok: false; problems: string[] };


const problemsOf = (error: ZodError): string[] => zodDetails(error).map(describeDetail);

/** "Register model": validated exactly as POST /model/add validates its body. */
export async function registerModelForm(db: Database, workspaceId: string, body: unknown): Promise<ModelFormState> {
  const problem = actionInputProblem(body);
  if (problem) return { ok: false, problems: [problem] };
  const parsed = modelCreateSchema.safeParse(body);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  const model = await createModel(db, workspaceId, parsed.data);
  return { ok: true, modelId: model.id };
}

/** The model page's name, kind, tags and metadata tables: validated exactly as PATCH /model/{id} validates. */
export async function updateModelForm(db: Database, workspaceId: string, modelId: string, body: unknown): Promise<ModelFormState> {
  const problem = actionInputProblem(body);
  if (problem) return { ok: false, problems: [problem] };
  const parsed = modelUpdateSchema.safeParse(body);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  const model = await updateModel(db, workspaceId, modelId, parsed.data);
  return model ? { ok: true, modelId: model.id } : { ok: false, problems: ["No such model."] };
}
