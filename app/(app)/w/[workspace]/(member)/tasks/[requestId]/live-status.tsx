"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useRequestProgress, type Progress } from "./use-request-progress";

/** While a request is pending, watches its progress and re-renders the page when it moves. */
export function LiveStatus({ requestId, initial, maxCrunchers, minAgreements }: { requestId: string; initial: Progress; maxCrunchers: number; minAgreements: number }) {
  const router = useRouter();
  const { data } = useRequestProgress(requestId, initial);
  const seen = useRef(initial);
  useEffect(() => {
    if (data.status !== seen.current.status || data.answers !== seen.current.answers) {
      seen.current = data;
      router.refresh();
    }
  }, [data, router]);
  if (data.status !== "pending") return null;
  return (
    <div role="status" className="flex items-center gap-3 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <span className="relative flex h-2.5 w-2.5">
        <span className="absolute inline-flex h-full w-full animate-ping rounded-full bg-amber-400 opacity-75" />
        <span className="relative inline-flex h-2.5 w-2.5 rounded-full bg-amber-500" />
      </span>
      Waiting for crunchers: {data.answers} of up to {maxCrunchers} answered{minAgreements > 1 ? `, ${minAgreements} must agree` : ""}. This page updates by itself.
    </div>
  );
}
