"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { deploymentLiveKey } from "./use-deployment-live";
import { sessionFetch } from "@/components/session-fetch";
import type { DriftPanelData } from "@/lib/models/drift/dashboard";

/**
 * The drift panel's data and its three actions (check now, retrain now, the automatic-retraining
 * setting); each action refreshes the panel. Polls quickly while a training job is queued or running.
 */
export function useDriftPanel(deploymentId: string) {
  const queryClient = useQueryClient();
  const base = `/api/drift/${encodeURIComponent(deploymentId)}`;
  const queryKey = ["deployment-drift", deploymentId];
  const refresh = () => queryClient.invalidateQueries({ queryKey });
  const panel = useQuery({
    queryKey,
    queryFn: () => sessionFetch<DriftPanelData>(base),
    refetchInterval: (query) => (query.state.data?.job && ["waiting", "running"].includes(query.state.data.job.status) ? 2000 : 30_000),
  });
  // A job that just finished may have rolled this deployment: refresh its version card at once.
  const finishedAt = panel.data?.job?.finished_at ?? null;
  useEffect(() => {
    if (finishedAt) void queryClient.invalidateQueries({ queryKey: deploymentLiveKey(deploymentId) });
  }, [finishedAt, deploymentId, queryClient]);
  const checkNow = useMutation({ mutationFn: () => sessionFetch(`${base}/check`, { method: "POST" }), onSettled: refresh });
  const retrain = useMutation({ mutationFn: () => sessionFetch("/api/training", { method: "POST", json: { deploymentId } }), onSettled: refresh });
  const setAuto = useMutation({
    mutationFn: (autoRetrainOnDrift: boolean) => sessionFetch(`${base}/settings`, { method: "PATCH", json: { autoRetrainOnDrift } }),
    onSettled: refresh,
  });
  return { panel, checkNow, retrain, setAuto };
}
