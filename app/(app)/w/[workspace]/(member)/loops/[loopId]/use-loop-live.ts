"use client";

import { useQuery } from "@tanstack/react-query";
import { sessionFetch } from "@/components/session-fetch";
import type { LiveLoopData } from "@/lib/loops/dashboard";

/** A loop's metrics, learning curve and recent predictions, refreshed every 5 s while its page is open. */
export function useLoopLive(loopId: string, initial: LiveLoopData) {
  return useQuery({
    queryKey: ["loop-live", loopId],
    queryFn: () => sessionFetch<LiveLoopData>(`/api/loops/${loopId}/live`),
    initialData: initial,
    refetchInterval: 5000,
  });
}
