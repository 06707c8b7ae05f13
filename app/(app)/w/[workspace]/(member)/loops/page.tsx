import type { Metadata } from "next";
import Link from "@/components/workspace-link";
import { requireWorkspace } from "@/app/_server/auth";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { Badge, PageHeader } from "@/components/ui";
import { getDb } from "@/db/client";
import { listLoopsWithMetric } from "@/lib/loops/store";
import { Time } from "@/components/time";

export const metadata: Metadata = { title: "Loops" };

const newLoop = (
  <Link href="/loops/new" className="rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-500">
    New loop
  </Link>
);

export default async function LoopsPage() {
  const { account, workspace } = await requireWorkspace("read");
  const loops = await listLoopsWithMetric(getDb(), workspace.id);
  return (
    <>
      <PageHeader title="Loops" description="Adaptive learning loops: models that learn online from every labelled example and explain each prediction." actions={newLoop} />
      {loops.length === 0 ? (
        <EmptyState
          title="No loops yet"
          description="Each loop you define will be listed here with its schema, the number of examples it has seen, its accuracy over time and a button to generate a key bound to it."
          steps={[
            <>Create a loop with <Link className="text-indigo-600 hover:underline" href="/loops/new">New loop</Link>, or a <Link className="text-indigo-600 hover:underline" href="/keys">loops API key</Link> and POST /definitions/.</>,
            "Stream labelled examples to /train/.",
            "Ask /predict/ for answers with per-feature explanations.",
          ]}
          example={`curl -X POST $BASE_URL/definitions/ \\
  -H "X-api-key: $LOOPS_KEY" -H "X-username: ${account.username}" \\
  -H "Content-Type: application/json" \\
  -d '{"name":"Churn","task_type":"classification",
       "input_schema":{"plan":"string","seats":"integer"},
       "output_schema":{"churned":"boolean"}}'`}
          action={newLoop}
        />
      ) : (
        <DataTable columns={["Name", "Task", { label: "Examples seen", align: "right" }, { label: "Current metric", align: "right" }, "Last trained"]}>
              {loops.map((loop) => (
                <tr key={loop.id} className="hover:bg-slate-50">
                  <td className="px-4 py-3 font-medium">
                    <Link href={`/loops/${loop.id}`} className="text-indigo-700 hover:underline">{loop.name}</Link>
                  </td>
                  <td className="px-4 py-3">{loop.taskType ? <Badge tone="indigo">{loop.taskType}</Badge> : <Badge tone="amber">not defined</Badge>}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{loop.nSeen.toLocaleString("en-GB")}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{loop.metric ?? "—"}</td>
                  <td className="whitespace-nowrap px-4 py-3">{loop.lastTrainedAt ? <Time value={loop.lastTrainedAt} style="relative" /> : "never"}</td>
                </tr>
              ))}
            </DataTable>
      )}
    </>
  );
}
