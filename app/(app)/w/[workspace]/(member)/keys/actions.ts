"use server";

import { revalidatePath } from "next/cache";
import { requireWorkspace } from "@/app/_server/auth";
import { getDb } from "@/db/client";
import { createApiKey, listApiKeys } from "@/lib/auth/api-keys-store";
import { revokeApiKeyEverywhere } from "@/lib/auth/key-lookup";
import type { CreateApiKeyInput } from "@/lib/auth/schemas";
import { actionInputProblem } from "@/lib/http/action-input";
import { isUuid } from "@/lib/ids";
import { rotateWebhookSecret } from "@/lib/tasks/webhook-secrets";
import { recordAudit } from "@/lib/workspaces/audit";

export type CreateKeyState = { ok: true; secret: string; prefix: string } | { ok: false; errors: Record<string, string> };

export async function createKeyAction(input: CreateApiKeyInput): Promise<CreateKeyState> {
  const { account, workspace } = await requireWorkspace("write");
  const problem = actionInputProblem(input);
  if (problem) return { ok: false, errors: { form: problem } };
  const result = await createApiKey(getDb(), workspace.id, { ...input, loopId: input.loopId || undefined }, account.id);
  if (!result.ok) return result;
  await recordAudit(getDb(), workspace.id, { id: account.id, label: account.username }, { action: "key.created", target: result.key.prefix, detail: { name: result.key.name, scope: result.key.scope, role: result.key.role } });
  revalidatePath("/keys");
  return { ok: true, secret: result.secret, prefix: result.key.prefix };
}

export async function revokeKeyAction(keyId: string): Promise<{ ok: boolean }> {
  const { account, workspace } = await requireWorkspace("write");
  if (!isUuid(keyId)) return { ok: false };
  const key = (await listApiKeys(getDb(), workspace.id)).find((k) => k.id === keyId);
  const ok = await revokeApiKeyEverywhere(workspace.id, keyId);
  if (ok) await recordAudit(getDb(), workspace.id, { id: account.id, label: account.username }, { action: "key.revoked", target: key ? `${key.prefix}…` : keyId, detail: key ? { name: key.name } : {} });
  revalidatePath("/keys");
  return { ok };
}

export async function rotateWebhookSecretAction(): Promise<string> {
  const { account, workspace } = await requireWorkspace("manage");
  const secret = await rotateWebhookSecret(getDb(), workspace.id);
  await recordAudit(getDb(), workspace.id, { id: account.id, label: account.username }, { action: "settings.changed", target: "webhook signing secret rotated" });
  return secret;
}
