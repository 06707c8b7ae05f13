"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useConfirm } from "@/components/confirm-dialog";
import { useToast } from "@/components/toast";
import { Button } from "@/components/ui";
import { abortRequestAction, resendWebhookAction, type ActionResult } from "../actions";

function useAction(run: () => Promise<ActionResult>, done?: string) {
  const router = useRouter();
  const toast = useToast();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);
  async function go() {
    setPending(true);
    try {
      const outcome = await run();
      setResult(outcome);
      if (outcome.ok && done) toast(done);
      router.refresh();
    } catch {
      setResult({ ok: false, message: "That did not work; try again." });
    } finally {
      setPending(false);
    }
  }
  return { pending, result, go };
}

export function AbortButton({ requestId }: { requestId: string }) {
  const { pending, result, go } = useAction(() => abortRequestAction(requestId), "Request aborted");
  const confirm = useConfirm();
  return (
    <div className="flex items-center gap-3">
      {result && !result.ok ? <span role="alert" className="text-sm text-red-600">{result.message}</span> : null}
      <Button
        variant="danger"
        disabled={pending}
        onClick={async () => {
          if (await confirm({ title: "Abort this request?", body: "Crunchers stop seeing it and blocked callers get it back as aborted.", confirmLabel: "Abort request", tone: "danger" })) void go();
        }}
      >
        {pending ? "Aborting…" : "Abort request"}
      </Button>
    </div>
  );
}

export function ResendWebhookButton({ requestId }: { requestId: string }) {
  const { pending, result, go } = useAction(() => resendWebhookAction(requestId));
  return (
    <div className="flex items-center gap-3">
      {result ? <span role="status" className={result.ok ? "text-sm text-emerald-700" : "text-sm text-red-600"}>{result.message}</span> : null}
      <Button variant="secondary" disabled={pending} onClick={() => void go()}>{pending ? "Sending…" : "Send again"}</Button>
    </div>
  );
}
