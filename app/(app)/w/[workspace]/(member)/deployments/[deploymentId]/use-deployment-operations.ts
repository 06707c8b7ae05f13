"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { sessionFetch } from "@/components/session-fetch";
import type { OperationsPageResult } from "@/lib/models/deployments/dashboard";

export const deploymentOperationsKey = (id: string) => ["deployment-ops", id];

/** The operations log, newest first; older pages by keyset (the last id seen). */
export function useDeploymentOperations(id: string, pageSize: number) {
  return useInfiniteQuery({
    queryKey: deploymentOperationsKey(id),
    queryFn: ({ pageParam }) => sessionFetch<OperationsPageResult>(`/api/deployments/${encodeURIComponent(id)}/operations?limit=${pageSize}${pageParam ? `&cursor=${pageParam}` : ""}`),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 10_000,
  });
}
