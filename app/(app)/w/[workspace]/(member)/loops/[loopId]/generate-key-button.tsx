"use client";

import { useState } from "react";
import { CopyButton } from "@/components/copy-button";
import { Button } from "@/components/ui";
import { LOOPS_KEY_VARIABLE } from "@/lib/loops/client-snippets";
import { generateLoopKeyAction } from "../actions";

/** Creates a loops key bound to this loop and shows its secret once. */
export function GenerateKeyButton({ loopId }: { loopId: string }) {
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <div className="space-y-2">
      <Button
        disabled={pending}
        onClick={async () => {
          setPending(true);
          const result = await generateLoopKeyAction(loopId);
          setPending(false);
          if (result.ok) setSecret(result.secret);
          else setError(result.message);
        }}
      >
        {pending ? "Generating…" : "Generate API Key"}
      </Button>
      {error ? <p className="text-sm text-red-600" role="alert">{error}</p> : null}
      {secret ? (
        <div className="max-w-md rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="loop-key">
          <p className="font-medium text-amber-900">Copy this key now; it will not be shown again. It works for this loop only.</p>
          <div className="mt-1 flex items-start gap-2">
            <code className="block min-w-0 flex-1 break-all rounded bg-white px-2 py-1 font-mono text-xs" data-testid="loop-key-secret">{secret}</code>
            <CopyButton text={secret} className="shrink-0" />
          </div>
          <p className="mt-2 text-xs text-amber-900">
            The code below reads it from <code className="font-mono">{LOOPS_KEY_VARIABLE}</code>:
          </p>
          <div className="mt-1 flex items-start gap-2">
            <code className="block min-w-0 flex-1 break-all rounded bg-white px-2 py-1 font-mono text-xs">export {LOOPS_KEY_VARIABLE}={secret}</code>
            <CopyButton text={`export ${LOOPS_KEY_VARIABLE}=${secret}`} className="shrink-0" />
          </div>
        </div>
      ) : null}
    </div>
  );
}
