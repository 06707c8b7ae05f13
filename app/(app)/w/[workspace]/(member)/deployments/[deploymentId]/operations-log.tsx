"use client";

import { useState } from "react";
import { Button } from "@/components/ui";
import { SessionRouteError, withWorkspaceQuery } from "@/components/session-fetch";
import { operationsFilterParams } from "@/lib/models/deployments/operations-filter";
import type { OperationResponse } from "@/lib/models/deployments/responses";
import { useDeploymentOperations } from "./use-deployment-operations";
import { Time } from "@/components/time";
import { Problems } from "../../models/model-fields";
import { localToIso, NO_FILTER, OperationsFilterForm, type OperationsFilterDraft } from "./operations-filter-form";

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

/**
 * Every call on this deployment, newest first, older pages fetched by keyset (the last id seen);
 * filtered on the server, and exported as filtered (CSV or JSON lines).
 */
export function OperationsLog({ deploymentId }: { deploymentId: string }) {
  const [filter, setFilter] = useState<OperationsFilterDraft>(NO_FILTER);
  const params = operationsFilterParams({ source: filter.source, text: filter.text, from: localToIso(filter.from), to: localToIso(filter.to) });
  const query = params.toString();
  const { data, error, fetchNextPage, hasNextPage, isFetchingNextPage, isPending } = useDeploymentOperations(deploymentId, PAGE, query);
  const ops = data?.pages.flatMap((p) => p.items) ?? [];
  const exportHref = (format: "csv" | "jsonl") =>
    withWorkspaceQuery(`/api/deployments/${encodeURIComponent(deploymentId)}/operations/export?format=${format}${query ? `&${query}` : ""}`);
  const problems = error ? (error instanceof SessionRouteError ? error.problems : [error.message]) : [];
  return (
    <div className="space-y-3">
      <OperationsFilterForm value={filter} onApply={setFilter} />
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <span className="text-slate-500">Export {query ? "the filtered log" : "the log"}:</span>
        <a className="font-medium text-indigo-600 hover:underline" href={exportHref("csv")} download data-testid="operations-export-csv">CSV</a>
        <a className="font-medium text-indigo-600 hover:underline" href={exportHref("jsonl")} download data-testid="operations-export-jsonl">JSON lines</a>
        <span className="text-xs text-slate-400">newest first, at most 100,000</span>
      </div>
      <Problems problems={problems} />
      {isPending && !error ? (
        <p className="text-sm text-slate-500">Loading…</p>
      ) : !ops.length && !hasNextPage ? (
        error ? null : (
          <p className="text-sm text-slate-500">
            {query ? "No operations match this filter." : "No operations yet: predictions made here or through the API appear in this log."}
          </p>
        )
      ) : (
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
          {!ops.length ? <p className="px-3 py-2 text-sm text-slate-500">No match among the newest operations yet; search older ones.</p> : null}
        </div>
      )}
      {hasNextPage ? (
        <Button variant="secondary" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
          {isFetchingNextPage ? "Loading…" : query ? "Search older operations" : "Older operations"}
        </Button>
      ) : null}
    </div>
  );
}
