"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { DataTable } from "@/components/data-table";
import { sessionFetch, withWorkspaceQuery } from "@/components/session-fetch";
import { Time } from "@/components/time";
import { Button, Select } from "@/components/ui";

interface AuditEventView {
  id: number;
  actorLabel: string;
  action: string;
  target: string;
  detail: Record<string, unknown>;
  createdAt: string;
}

/** The log, newest first, filtered by person and action, 50 at a time ("Load more" walks back by id). */
export function AuditLog({ actors, actions }: { actors: { id: string; label: string }[]; actions: { value: string; label: string }[] }) {
  const [actor, setActor] = useState("");
  const [action, setAction] = useState("");
  const labels = new Map(actions.map((a) => [a.value, a.label]));
  const filter = new URLSearchParams();
  if (actor) filter.set("actor", actor);
  if (action) filter.set("action", action);
  const events = useInfiniteQuery({
    queryKey: ["audit", actor, action],
    initialPageParam: 0,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams(filter);
      if (pageParam) query.set("before", String(pageParam));
      return sessionFetch<{ events: AuditEventView[]; nextBefore: number | null }>(`/api/workspace/audit?${query}`);
    },
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const rows = events.data?.pages.flatMap((p) => p.events) ?? [];
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <label className="space-y-1.5 text-sm font-medium text-slate-700">
          <span className="block">Person</span>
          <Select aria-label="Person" value={actor} onChange={(e) => setActor(e.target.value)} className="w-48">
            <option value="">Everyone</option>
            {actors.map((a) => <option key={a.id} value={a.id}>{a.label}</option>)}
          </Select>
        </label>
        <label className="space-y-1.5 text-sm font-medium text-slate-700">
          <span className="block">Action</span>
          <Select aria-label="Action" value={action} onChange={(e) => setAction(e.target.value)} className="w-64">
            <option value="">Every action</option>
            {actions.map((a) => <option key={a.value} value={a.value}>{a.label}</option>)}
          </Select>
        </label>
        <a className="pb-2 text-sm font-medium text-indigo-600 hover:underline" href={withWorkspaceQuery(`/api/workspace/audit.csv${filter.size ? `?${filter}` : ""}`)} download>
          Export CSV
        </a>
      </div>
      <DataTable columns={["When", "Who", "What", "On", "Details"]}>
        {rows.map((e) => (
          <tr key={e.id} data-testid="audit-row">
            <td className="whitespace-nowrap px-4 py-3 text-slate-600"><Time value={e.createdAt} style="seconds" /></td>
            <td className="px-4 py-3 font-medium">{e.actorLabel}</td>
            <td className="px-4 py-3">{labels.get(e.action) ?? e.action}</td>
            <td className="px-4 py-3">{e.target}</td>
            <td className="px-4 py-3 font-mono text-xs text-slate-500">{Object.keys(e.detail).length ? Object.entries(e.detail).map(([k, v]) => `${k}: ${String(v)}`).join(", ") : ""}</td>
          </tr>
        ))}
      </DataTable>
      {events.isLoading ? <p className="text-sm text-slate-500">Loading…</p> : rows.length === 0 ? <p className="text-sm text-slate-500">Nothing recorded for this filter yet.</p> : null}
      {events.hasNextPage ? <Button variant="secondary" onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage}>Load more</Button> : null}
    </div>
  );
}
