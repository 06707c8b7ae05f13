"use client";

import { useQuery } from "@tanstack/react-query";
import { sessionFetch } from "@/components/session-fetch";

export interface Progress {
  status: "pending" | "complete" | "aborted";
  answers: number;
}

/** A request's status and answer count, polled every 2 s while it is pending. */
export function useRequestProgress(requestId: string, initial: Progress) {
  return useQuery({
    queryKey: ["task-progress", requestId],
    queryFn: () => sessionFetch<Progress>(`/api/tasks/${requestId}/progress`),
    initialData: initial,
    refetchInterval: (query) => (query.state.data?.status === "pending" ? 2_000 : false),
  });
}
