import type { TaskQuery } from "./task-filters";

/** The session route's URL for the list as filtered (no page cursor), naming the workspace in `?ws=`. */
export function exportHref(query: TaskQuery, format: "csv" | "jsonl", workspaceSlug: string): string {
  const params = new URLSearchParams({ format });
  for (const key of ["mode", "status", "type", "from", "to", "gold", "batch", "archived"] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  params.set("ws", workspaceSlug);
  return `/api/tasks/export?${params}`;
}

const linkClass = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50";

/** Downloads of the filtered list (up to 10,000 requests, newest first). */
export function ExportLinks({ query, workspaceSlug }: { query: TaskQuery; workspaceSlug: string }) {
  return (
    <div className="flex items-center gap-2 text-sm text-slate-600" data-testid="task-export">
      <span>Export</span>
      <a href={exportHref(query, "csv", workspaceSlug)} download className={linkClass}>CSV</a>
      <a href={exportHref(query, "jsonl", workspaceSlug)} download className={linkClass}>JSONL</a>
    </div>
  );
}
