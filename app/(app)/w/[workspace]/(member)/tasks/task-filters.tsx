import Link from "@/components/workspace-link";
import { Button, Select } from "@/components/ui";
import { REQUEST_TYPES, requestTypeLabel } from "@/lib/tasks/request-types";

export interface TaskQuery {
  mode: "live" | "test";
  status?: "pending" | "complete" | "aborted";
  type?: (typeof REQUEST_TYPES)[number];
  from?: string;
  to?: string;
  /** "true": the gold (control) questions instead of the requests. */
  gold?: "true";
  /** Requests of this batch only. */
  batch?: string;
  /** "true": archived requests are listed too (they are left out otherwise). */
  archived?: "true";
  cursor?: string;
}

/** The list's URL for a query; every filter change starts again at the first page. */
export function tasksHref(query: TaskQuery, change: Partial<TaskQuery> = {}): string {
  const next = { ...query, cursor: undefined, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(next)) if (value && !(key === "mode" && value === "live")) params.set(key, value);
  const text = params.toString();
  return text ? `/tasks?${text}` : "/tasks";
}

const dateInput = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500";

/** Type and created-range filters: a plain GET form, so the list is a server render of its URL. */
export function TaskFilters({ query }: { query: TaskQuery }) {
  return (
    <form action="tasks" className="flex flex-wrap items-end gap-3">
      {query.mode === "test" ? <input type="hidden" name="mode" value="test" /> : null}
      {query.status ? <input type="hidden" name="status" value={query.status} /> : null}
      {query.gold ? <input type="hidden" name="gold" value="true" /> : null}
      {query.batch ? <input type="hidden" name="batch" value={query.batch} /> : null}
      {query.archived ? <input type="hidden" name="archived" value="true" /> : null}
      <label className="space-y-1 text-xs font-medium text-slate-600">
        <span className="block">Type</span>
        <Select name="type" defaultValue={query.type ?? ""} className="w-56">
          <option value="">All types</option>
          {REQUEST_TYPES.map((t) => <option key={t} value={t}>{requestTypeLabel(t)}</option>)}
        </Select>
      </label>
      <label className="space-y-1 text-xs font-medium text-slate-600">
        <span className="block">Created from (UTC)</span>
        <input type="date" name="from" defaultValue={query.from} className={dateInput} />
      </label>
      <label className="space-y-1 text-xs font-medium text-slate-600">
        <span className="block">to (UTC)</span>
        <input type="date" name="to" defaultValue={query.to} className={dateInput} />
      </label>
      <Button type="submit" variant="secondary">Apply</Button>
      {query.type || query.from || query.to ? (
        <Link href={tasksHref(query, { type: undefined, from: undefined, to: undefined })} className="pb-2 text-sm text-slate-500 hover:text-slate-800">Clear</Link>
      ) : null}
    </form>
  );
}
