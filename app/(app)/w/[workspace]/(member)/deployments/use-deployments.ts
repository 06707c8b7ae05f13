"use client";

import { useQuery } from "@tanstack/react-query";
import { sessionFetch } from "@/components/session-fetch";
import type { DeploymentListItem } from "@/lib/models/deployments/dashboard";
import { pollWhileMoving } from "./status-badge";

/** The account's deployments; refreshed every second while any is waiting or loading. */
export function useDeployments(initial: DeploymentListItem[]) {
  return useQuery({
    queryKey: ["deployments"],
    queryFn: () => sessionFetch<DeploymentListItem[]>("/api/deployments"),
    initialData: initial,
    refetchInterval: (query) => pollWhileMoving((query.state.data ?? []).map((d) => d.status)),
  });
}
