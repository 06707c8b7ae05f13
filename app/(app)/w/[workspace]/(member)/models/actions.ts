"use server";

import { revalidatePath } from "next/cache";
import { requireWorkspace } from "@/app/_server/auth";
import { getDb } from "@/db/client";
import { registerModelForm, updateModelForm, type ModelFormState } from "@/lib/models/model-forms";

/** "Register model": validated exactly as POST /model/add validates its body. */
export async function registerModelAction(body: unknown): Promise<ModelFormState> {
  const result = await registerModelForm(getDb(), (await requireWorkspace("write")).workspace.id, body);
  if (result.ok) revalidatePath("/models");
  return result;
}

/** The model page's name, kind and tags: validated exactly as PATCH /model/{id} validates. */
export async function updateModelAction(modelId: string, body: unknown): Promise<ModelFormState> {
  const result = await updateModelForm(getDb(), (await requireWorkspace("write")).workspace.id, modelId, body);
  if (result.ok) {
    revalidatePath("/models");
    revalidatePath(`/models/${result.modelId}`);
  }
  return result;
}
