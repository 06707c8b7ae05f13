"use client";

import { useQuery } from "@tanstack/react-query";

interface Health {
  status: string;
  database: "up" | "down";
  database_latency_ms?: number;
}

/** Live database status from /healthz, refreshed in the background. */
export function HealthIndicator() {
  const { data, isError } = useQuery({
    queryKey: ["healthz"],
    queryFn: async (): Promise<Health> => (await fetch("/healthz", { cache: "no-store" })).json(),
    refetchInterval: 15_000,
  });
  const up = !isError && data?.database === "up";
  const label = !data && !isError ? "Checking…" : up ? `Database up · ${data?.database_latency_ms ?? "?"} ms` : "Database unreachable";
  return (
    <span className="inline-flex items-center gap-2 text-xs text-slate-500" title="GET /healthz">
      <span className={`h-2 w-2 rounded-full ${!data && !isError ? "bg-slate-300" : up ? "bg-emerald-500" : "bg-red-500"}`} />
      {label}
    </span>
  );
}
