"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/app/_server/auth";
import { getDb } from "@/db/client";
import { createApiKey } from "@/lib/auth/api-keys-store";
import { revokeApiKeyEverywhere } from "@/lib/auth/key-lookup";
import type { CreateApiKeyInput } from "@/lib/auth/schemas";
import { actionInputProblem } from "@/lib/http/action-input";
import { isUuid } from "@/lib/ids";
import { rotateWebhookSecret } from "@/lib/tasks/webhook-secrets";

export type CreateKeyState = { ok: true; secret: string; prefix: string } | { ok: false; errors: Record<string, string> };

export async function createKeyAction(input: CreateApiKeyInput): Promise<CreateKeyState> {
  const account = await requireMember();
  const problem = actionInputProblem(input);
  if (problem) return { ok: false, errors: { form: problem } };
  const result = await createApiKey(getDb(), account.id, { ...input, loopId: input.loopId || undefined });
  if (!result.ok) return result;
  revalidatePath("/keys");
  return { ok: true, secret: result.secret, prefix: result.key.prefix };
}

export async function revokeKeyAction(keyId: string): Promise<{ ok: boolean }> {
  const account = await requireMember();
  if (!isUuid(keyId)) return { ok: false };
  const ok = await revokeApiKeyEverywhere(account.id, keyId);
  revalidatePath("/keys");
  return { ok };
}

export async function rotateWebhookSecretAction(): Promise<string> {
  const account = await requireMember();
  return rotateWebhookSecret(getDb(), account.id);
}
