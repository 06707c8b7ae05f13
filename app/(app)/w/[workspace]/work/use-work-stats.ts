"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchStats, type WorkStats } from "./work-api";

export const STATS_KEY = ["work-stats"] as const;

/** The worker's stats panel data, refreshed every 10 s and after each answer (work-area invalidates it). */
export function useWorkStats(initial: WorkStats) {
  return useQuery({ queryKey: STATS_KEY, queryFn: fetchStats, initialData: initial, initialDataUpdatedAt: 0, refetchInterval: 10_000 });
}
