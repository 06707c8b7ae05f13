"use server";

import { revalidatePath } from "next/cache";
import type { ZodError } from "zod";
import { requireMember } from "@/app/_server/auth";
import { getDb } from "@/db/client";
import { modelCreateSchema, modelUpdateSchema } from "@/lib/models/schemas";
import { createModel, updateModel } from "@/lib/models/store";

export type ModelFormState = { ok: true; modelId: string } | { ok: false; problems: string[] };

function problemsOf(error: ZodError): string[] {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message));
}

/** "Register model": validated exactly as POST /model/add validates its body. */
export async function registerModelAction(body: unknown): Promise<ModelFormState> {
  const account = await requireMember();
  const parsed = modelCreateSchema.safeParse(body);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  const model = await createModel(getDb(), account.id, parsed.data);
  revalidatePath("/models");
  return { ok: true, modelId: model.id };
}

/** The model page's name, kind and tags: validated exactly as PATCH /model/{id} validates. */
export async function updateModelAction(modelId: string, body: unknown): Promise<ModelFormState> {
  const account = await requireMember();
  const parsed = modelUpdateSchema.safeParse(body);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  const model = await updateModel(getDb(), account.id, modelId, parsed.data);
  if (!model) return { ok: false, problems: ["No such model."] };
  revalidatePath("/models");
  revalidatePath(`/models/${model.id}`);
  return { ok: true, modelId: model.id };
}
