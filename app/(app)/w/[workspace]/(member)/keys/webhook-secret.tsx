"use client";

import { useState, useTransition } from "react";
import { useConfirm } from "@/components/confirm-dialog";
import { useToast } from "@/components/toast";
import { Button, Card } from "@/components/ui";
import { rotateWebhookSecretAction } from "./actions";

/** The account's Standard Webhooks signing secret for task hook_url deliveries. */
export function WebhookSecret({ secret: initial }: { secret: string | null }) {
  const confirm = useConfirm();
  const toast = useToast();
  const [secret, setSecret] = useState(initial);
  const [shown, setShown] = useState(false);
  const [copied, setCopied] = useState(false);
  const [pending, startTransition] = useTransition();
  return (
    <Card className="mt-6 p-5">
      <h2 className="text-sm font-semibold text-slate-900">Webhook signing secret</h2>
      <p className="mt-1 text-sm text-slate-600">
        Task webhooks (<code>hook_url</code>) are signed with the Standard Webhooks scheme: verify the <code>webhook-signature</code> header with this
        secret, e.g. <code>new Webhook(secret).verify(body, headers)</code> from the <code>standardwebhooks</code> package.
      </p>
      {secret === null && (
        <p data-testid="webhook-secret-unreadable" className="mt-3 text-sm text-red-700">
          The stored secret cannot be decrypted: the app&apos;s secret (<code>NEXTAUTH_SECRET</code>) was changed. Deliveries are paused until the operator
          sets the old value in <code>NEXTAUTH_SECRET_PREVIOUS</code>, or you rotate to a new secret here.
        </p>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-2">
        {secret !== null && (
          <>
            <code data-testid="webhook-secret" className="rounded bg-slate-100 px-2 py-1 font-mono text-sm">
              {shown ? secret : `${secret.slice(0, 10)}${"•".repeat(24)}`}
            </code>
            <Button variant="secondary" onClick={() => setShown((s) => !s)}>
              {shown ? "Hide" : "Reveal"}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                void navigator.clipboard?.writeText(secret).then(() => setCopied(true));
              }}
            >
              {copied ? "Copied" : "Copy"}
            </Button>
          </>
        )}
        <Button
          variant="danger"
          disabled={pending}
          onClick={async () => {
            if (!(await confirm({ title: "Rotate the signing secret?", body: "Receivers must switch to the new one.", confirmLabel: "Rotate", tone: "danger" }))) return;
            startTransition(async () => {
              setSecret(await rotateWebhookSecretAction());
              toast("Signing secret rotated");
            });
          }}
        >
          Rotate
        </Button>
      </div>
    </Card>
  );
}
