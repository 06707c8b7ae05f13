"use client";

import { useState } from "react";
import { Button } from "@/components/ui";
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
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="loop-key">
          <p className="font-medium text-amber-900">Copy this key now; it will not be shown again. It works for this loop only.</p>
          <code className="mt-1 block break-all rounded bg-white px-2 py-1 font-mono text-xs" data-testid="loop-key-secret">{secret}</code>
        </div>
      ) : null}
    </div>
  );
}
