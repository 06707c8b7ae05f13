import type { Metadata } from "next";
import { requireWorkspace } from "@/app/_server/auth";
import { PageHeader } from "@/components/ui";
import { getDb } from "@/db/client";
import { listApiKeys } from "@/lib/auth/api-keys-store";
import { listMembers } from "@/lib/workspaces/store";
import { webhookSecretFor, WebhookSecretUnreadableError } from "@/lib/tasks/webhook-secrets";
import { CreateKeyForm } from "./create-key-form";
import { KeyTable } from "./key-table";
import { WebhookSecret } from "./webhook-secret";

export const metadata: Metadata = { title: "API keys" };

/** The secret, or null when it cannot be decrypted (the app secret changed): the card then offers only rotation. */
async function readableWebhookSecret(workspaceId: string): Promise<string | null> {
  try {
    return await webhookSecretFor(getDb(), workspaceId);
  } catch (error) {
    if (error instanceof WebhookSecretUnreadableError) return null;
    throw error;
  }
}

export default async function KeysPage({ searchParams }: { searchParams: Promise<{ scope?: string; loop?: string }> }) {
  const { account, workspace } = await requireWorkspace("read");
  const [keys, params, webhookSecret, members] = await Promise.all([listApiKeys(getDb(), workspace.id), searchParams, readableWebhookSecret(workspace.id), listMembers(getDb(), workspace.id)]);
  const names = new Map(members.map((m) => [m.accountId, m.username]));
  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            Each key works for one API. Loops clients also send <code className="rounded bg-slate-100 px-1">X-username: {account.username}</code>. Secrets are
            stored hashed: copy a new one when it is shown.
          </>
        }
      />
      <CreateKeyForm defaultScope={params.scope} defaultLoopId={params.loop} />
      <KeyTable
        keys={keys.map((k) => ({
          ...k,
          createdAt: k.createdAt.toISOString(),
          lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
          revokedAt: k.revokedAt?.toISOString() ?? null,
          expiresAt: k.expiresAt?.toISOString() ?? null,
          creator: names.get(k.accountId) ?? "a former member",
        }))}
      />
      <WebhookSecret secret={webhookSecret} />
    </>
  );
}
