"use client";

import { useQuery } from "@tanstack/react-query";

export interface Health {
  status: string;
  database: "up" | "down";
  database_latency_ms?: number;
}

/** /healthz, refreshed in the background (a 503 still carries the body that says what is down). */
export function useHealth() {
  return useQuery({
    queryKey: ["healthz"],
    queryFn: async (): Promise<Health> => (await fetch("/healthz", { cache: "no-store" })).json(),
    refetchInterval: 15_000,
  });
}
