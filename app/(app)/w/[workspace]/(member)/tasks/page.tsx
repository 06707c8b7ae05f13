import type { Metadata } from "next";
import Link from "@/components/workspace-link";
import { requireWorkspace } from "@/app/_server/auth";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { Badge, cx, PageHeader } from "@/components/ui";
import { getDb } from "@/db/client";
import { countTaskRequestsUpTo, listTaskRequests } from "@/lib/tasks/list";
import { LIMITS } from "@/lib/tasks/limits";
import { isRequestType, requestTypeLabel } from "@/lib/tasks/request-types";
import { responseSummary, STATUS_TONE } from "./format";
import { ExportLinks } from "./export-links";
import { TaskFilters, tasksHref, type TaskQuery } from "./task-filters";
import { Time } from "@/components/time";

export const metadata: Metadata = { title: "Tasks" };

const PAGE_SIZE = 50;
/** Counts stop here ("10,000+"), so they cost the same at a million requests. */
const COUNT_CAP = 10_000;
const STATUSES = ["pending", "complete", "aborted"] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

function queryOf(params: Record<string, string | string[] | undefined>): TaskQuery {
  const status = one(params.status);
  const type = one(params.type);
  const from = one(params.from);
  const to = one(params.to);
  const batch = one(params.batch);
  return {
    mode: one(params.mode) === "test" ? "test" : "live",
    status: STATUSES.find((s) => s === status),
    type: type && isRequestType(type) ? type : undefined,
    from: from && DAY.test(from) ? from : undefined,
    to: to && DAY.test(to) ? to : undefined,
    gold: one(params.gold) === "true" ? "true" : undefined,
    batch: batch && batch.length <= LIMITS.batchChars ? batch : undefined,
    archived: one(params.archived) === "true" ? "true" : undefined,
    cursor: one(params.cursor),
  };
}

const newRequest = (
  <span className="flex flex-wrap items-center gap-3">
    <Link href="/tasks/crunchers" className="rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50">
      Crunchers
    </Link>
    <Link href="/tasks/upload" className="rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50">
      Upload requests
    </Link>
    <Link href="/tasks/new" className="rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-500">
      New request
    </Link>
  </span>
);

export default async function TasksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { account, workspace } = await requireWorkspace("read");
  const query = queryOf(await searchParams);
  // "to" is a whole day: requests created before the next midnight (UTC) are in.
  const createdTo = query.to ? new Date(Date.parse(`${query.to}T00:00:00Z`) + 24 * 60 * 60 * 1000) : undefined;
  const db = getDb();
  const [page, live, test] = await Promise.all([
    listTaskRequests(db, workspace.id, query.mode, {
      status: query.status,
      type: query.type,
      createdFrom: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
      createdTo,
      gold: query.gold === "true",
      batch: query.batch,
      archived: query.archived ? "all" : "exclude",
      cursor: query.cursor,
      limit: PAGE_SIZE,
    }),
    countTaskRequestsUpTo(db, workspace.id, "live", COUNT_CAP, query.gold === "true"),
    countTaskRequestsUpTo(db, workspace.id, "test", COUNT_CAP, query.gold === "true"),
  ]);
  const counts = query.mode === "live" ? live : test;
  const capped = (c: typeof live) => c.pending >= COUNT_CAP || c.complete >= COUNT_CAP || c.aborted >= COUNT_CAP;
  const shown = (n: number, plus = n >= COUNT_CAP) => `${n.toLocaleString("en-GB")}${plus ? "+" : ""}`;
  const total = (c: typeof live) => shown(c.pending + c.complete + c.aborted, capped(c));
  const header = <PageHeader title="Tasks" description="Questions your programs ask people: every request, its status, the crunchers' answers and webhook deliveries." actions={newRequest} />;

  if (!query.gold && live.pending + live.complete + live.aborted + test.pending + test.complete + test.aborted === 0) {
    return (
      <>
        {header}
        <EmptyState
          title="No requests yet"
          description="Requests made with your tasks keys will be listed here with filters by status, type and date, counts per status, and the answers each cruncher gave."
          steps={[
            <>Create a <Link className="text-indigo-600 hover:underline" href="/keys?scope=tasks">tasks key</Link> — a test key (test_…) is answered by a simulated cruncher within a second.</>,
            "POST a question to /v1/requests/<type>, optionally with ?block=30 to wait for the answer.",
            "Poll GET /v1/requests/{id}, long-poll with ?block=N, or pass a hook_url.",
          ]}
          example={`curl "$BASE_URL/v1/requests/multiple-choice?block=30" \\
  -H "X-Heat-API-Key: $TASKS_KEY" -H "Content-Type: application/json" \\
  -d '{"instruction":"Is this review positive?","attachments":["Great product!"],
       "choices":["yes","no"]}'`}
          action={newRequest}
        />
      </>
    );
  }

  const tab = (active: boolean) => cx("rounded-md px-3 py-1.5 text-sm font-medium", active ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900");
  return (
    <>
      {header}
      <div className="mb-4 flex flex-wrap items-center justify-between gap-4">
        <nav aria-label="Space" className="inline-flex rounded-lg bg-slate-100 p-1">
          <Link href={tasksHref(query, { mode: "live" })} className={tab(query.mode === "live")} aria-current={query.mode === "live" ? "page" : undefined}>Live · {total(live)}</Link>
          <Link href={tasksHref(query, { mode: "test" })} className={tab(query.mode === "test")} aria-current={query.mode === "test" ? "page" : undefined}>Test · {total(test)}</Link>
        </nav>
        <div className="flex flex-wrap items-center gap-2">
          <Link href={tasksHref(query, { gold: query.gold ? undefined : "true" })} className={cx("rounded-full border px-3 py-1 text-sm", query.gold ? "border-amber-300 bg-amber-50 text-amber-800" : "border-slate-200 bg-white text-slate-600 hover:border-slate-300")} data-testid="gold-toggle">
            {query.gold ? "Showing gold questions · show requests" : "Gold questions"}
          </Link>
          <Link href={tasksHref(query, { archived: query.archived ? undefined : "true" })} className={cx("rounded-full border px-3 py-1 text-sm", query.archived ? "border-slate-400 bg-slate-100 text-slate-800" : "border-slate-200 bg-white text-slate-600 hover:border-slate-300")} data-testid="archived-toggle">
            {query.archived ? "Showing archived too · hide them" : "Show archived"}
          </Link>
          {query.batch ? (
            <Link href={tasksHref(query, { batch: undefined })} className="rounded-full border border-indigo-300 bg-indigo-50 px-3 py-1 text-sm text-indigo-800" data-testid="batch-filter" title="Show every batch">
              Batch <span className="inline-block max-w-[16rem] truncate align-bottom font-mono">{query.batch}</span> ×
            </Link>
          ) : null}
        </div>
        <nav aria-label="Status" className="flex flex-wrap gap-2" data-testid="status-counts">
          <Link href={tasksHref(query, { status: undefined })} className={cx("rounded-full border px-3 py-1 text-sm", !query.status ? "border-indigo-300 bg-indigo-50 text-indigo-800" : "border-slate-200 bg-white text-slate-600 hover:border-slate-300")}>
            All <span className="tabular-nums font-semibold">{total(counts)}</span>
          </Link>
          {STATUSES.map((s) => (
            <Link key={s} href={tasksHref(query, { status: s })} className={cx("rounded-full border px-3 py-1 text-sm capitalize", query.status === s ? "border-indigo-300 bg-indigo-50 text-indigo-800" : "border-slate-200 bg-white text-slate-600 hover:border-slate-300")}>
              {s} <span className="tabular-nums font-semibold">{shown(counts[s])}</span>
            </Link>
          ))}
        </nav>
      </div>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <TaskFilters query={query} />
        <ExportLinks query={query} workspaceSlug={workspace.slug} />
      </div>
      {page.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-500">No request matches these filters.</p>
      ) : (
        <DataTable columns={["Request", "Type", "Status", "Response", "Created"]}>
          {page.items.map((r) => (
            <tr key={r.id} data-testid="task-row">
              <td className="max-w-md px-4 py-3">
                <Link href={`/tasks/${r.id}`} className="line-clamp-2 font-medium text-indigo-700 hover:underline">{r.params.instruction}</Link>
                <div className="font-mono text-xs text-slate-400">{r.id}</div>
                {r.batch || r.archivedAt ? (
                  <div className="mt-1 flex flex-wrap items-center gap-2 text-xs">
                    {r.batch ? (
                      <Link href={tasksHref(query, { batch: r.batch })} className="max-w-full truncate text-slate-500 hover:text-indigo-700 hover:underline" data-testid="task-batch">
                        batch <span className="font-mono">{r.batch}</span>
                      </Link>
                    ) : null}
                    {r.archivedAt ? <Badge tone="slate">archived</Badge> : null}
                  </div>
                ) : null}
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-700">{requestTypeLabel(r.type)}</td>
              <td className="px-4 py-3"><Badge tone={STATUS_TONE[r.status]}>{r.status}</Badge></td>
              <td className="max-w-xs truncate px-4 py-3 text-slate-700">{r.status === "complete" ? responseSummary(r.type, r.response) : <span className="text-slate-400">—</span>}</td>
              <td className="whitespace-nowrap px-4 py-3 text-slate-600"><Time value={r.createdAt} style="relative" /></td>
            </tr>
          ))}
        </DataTable>
      )}
      <div className="mt-4 flex items-center justify-between text-sm">
        {query.cursor ? <Link href={tasksHref(query)} className="text-indigo-600 hover:underline">← Newest</Link> : <span />}
        {page.nextCursor ? <Link href={tasksHref(query, { cursor: page.nextCursor })} className="font-medium text-indigo-600 hover:underline">Older requests →</Link> : null}
      </div>
    </>
  );
}
