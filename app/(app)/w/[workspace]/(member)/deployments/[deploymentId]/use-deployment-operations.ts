"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { sessionFetch } from "@/components/session-fetch";
import type { OperationsPageResult } from "@/lib/models/deployments/dashboard";

/** Every filter of a deployment's log shares this prefix, so invalidating it refreshes them all. */
export const deploymentOperationsKey = (id: string) => ["deployment-ops", id];

/**
 * The operations log, newest first; older pages by keyset (the last id seen). `filter` is the
 * routes' query string (source, q, from, to); a filtered page may come back short with more to read.
 */
export function useDeploymentOperations(id: string, pageSize: number, filter = "") {
  return useInfiniteQuery({
    queryKey: [...deploymentOperationsKey(id), filter],
    queryFn: ({ pageParam }) =>
      sessionFetch<OperationsPageResult>(`/api/deployments/${encodeURIComponent(id)}/operations?limit=${pageSize}${pageParam ? `&cursor=${pageParam}` : ""}${filter ? `&${filter}` : ""}`),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 10_000,
    retry: false,
  });
}
