"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui";
import { abortRequestAction, resendWebhookAction, type ActionResult } from "../actions";

function useAction(run: () => Promise<ActionResult>) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);
  async function go() {
    setPending(true);
    try {
      setResult(await run());
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
  const { pending, result, go } = useAction(() => abortRequestAction(requestId));
  return (
    <div className="flex items-center gap-3">
      {result && !result.ok ? <span role="alert" className="text-sm text-red-600">{result.message}</span> : null}
      <Button
        variant="danger"
        disabled={pending}
        onClick={() => {
          if (window.confirm("Abort this request? Crunchers stop seeing it and blocked callers get it back as aborted.")) void go();
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
