"use client";

import { Button } from "@/components/ui";
import type { OperationResponse } from "@/lib/models/deployments/responses";
import { useDeploymentOperations } from "./use-deployment-operations";
import { Time } from "@/components/time";

const PAGE = 20;

const short = (value: unknown, max = 80) => {
  const text = typeof value === "string" ? value : JSON.stringify(value) ?? "";
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

/** What was sent: the rows of a served prediction, or the recorded data of an external one. */
function inputOf(op: OperationResponse): string {
  const data = (op.data as { data?: unknown[] } | null)?.data;
  if (op.source === "predict" && Array.isArray(data)) return `${short(data[0], 60)}${data.length > 1 ? ` +${data.length - 1} rows` : ""}`;
  return short(op.data);
}

function outputOf(op: OperationResponse): string {
  const prediction = (op.result as { prediction?: unknown[] } | null)?.prediction;
  return op.source === "predict" && Array.isArray(prediction) ? short(prediction, 40) : short(op.result, 40);
}

/** Every call on this deployment, newest first, older pages fetched by keyset (the last id seen). */
export function OperationsLog({ deploymentId }: { deploymentId: string }) {
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage, isPending } = useDeploymentOperations(deploymentId, PAGE);
  const ops = data?.pages.flatMap((p) => p.items) ?? [];
  if (isPending) return <p className="text-sm text-slate-500">Loading…</p>;
  if (!ops.length) return <p className="text-sm text-slate-500">No operations yet: predictions made here or through the API appear in this log.</p>;
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-100 text-sm" data-testid="operations-log">
          <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              {["#", "When", "Source", "Input", "Output", "Latency"].map((h) => (
                <th key={h} className="whitespace-nowrap px-3 py-2">{h}</th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {ops.map((op) => (
              <tr key={op.id}>
                <td className="px-3 py-2 font-mono text-xs text-slate-400">{op.id}</td>
                <td className="whitespace-nowrap px-3 py-2 text-xs"><Time value={op.created_at} style="clock" /></td>
                <td className="px-3 py-2 text-xs">{op.source}{op.explanation ? " · explained" : ""}</td>
                <td className="px-3 py-2 font-mono text-xs">{inputOf(op)}</td>
                <td className="px-3 py-2 font-mono text-xs">{outputOf(op)}</td>
                <td className="whitespace-nowrap px-3 py-2 text-xs">{op.latency_ms === null ? "—" : `${op.latency_ms.toFixed(2)} ms`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hasNextPage ? (
        <Button variant="secondary" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
          {isFetchingNextPage ? "Loading…" : "Older operations"}
        </Button>
      ) : null}
    </div>
  );
}
