"use client";

import { useHealth } from "./use-health";

/** Live database status from /healthz, refreshed in the background. */
export function HealthIndicator() {
  const { data, isError } = useHealth();
  const up = !isError && data?.database === "up";
  const label = !data && !isError ? "Checking…" : up ? `Database up · ${data?.database_latency_ms ?? "?"} ms` : "Database unreachable";
  return (
    <span className="inline-flex items-center gap-2 text-xs text-slate-500" title="GET /healthz">
      <span className={`h-2 w-2 rounded-full ${!data && !isError ? "bg-slate-300" : up ? "bg-emerald-500" : "bg-red-500"}`} />
      {label}
    </span>
  );
}
