"use client";

import { useQuery } from "@tanstack/react-query";
import { sessionFetch } from "@/components/session-fetch";
import type { DeploymentLive } from "@/lib/models/deployments/dashboard";
import { pollWhileMoving } from "../status-badge";

export const deploymentLiveKey = (id: string) => ["deployment-live", id];

/** A deployment's status, traffic and last explained prediction: polled while it moves, else every 10 s. */
export function useDeploymentLive(id: string, initial: DeploymentLive) {
  return useQuery({
    queryKey: deploymentLiveKey(id),
    queryFn: () => sessionFetch<DeploymentLive>(`/api/deployments/${encodeURIComponent(id)}`),
    initialData: initial,
    refetchInterval: (query) => pollWhileMoving([query.state.data?.deployment.status ?? "running"]) || 10_000,
  });
}
