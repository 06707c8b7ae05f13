import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "@/components/workspace-link";
import { notFound } from "next/navigation";
import { requireWorkspace } from "@/app/_server/auth";
import { Badge, Code, PageHeader, Section } from "@/components/ui";
import { getDb } from "@/db/client";
import { publicBaseUrl } from "@/lib/http/public-url";
import { LOOPS_KEY_VARIABLE } from "@/lib/loops/client-snippets";
import { loopDashboard } from "@/lib/loops/dashboard";
import { allows } from "@/lib/workspaces/roles";
import { GenerateKeyButton } from "./generate-key-button";
import { LoopActions, type EditableSettings } from "./loop-actions";
import { LivePanel } from "./live-panel";
import { Snippets } from "./snippets";
import { TryPrediction } from "./try-prediction";
import { WeightsTable } from "./weights-table";

export const metadata: Metadata = { title: "Loop" };

export default async function LoopPage({ params }: { params: Promise<{ loopId: string }> }) {
  const { account, workspace, role } = await requireWorkspace("read");
  const { loopId } = await params;
  const view = await loopDashboard(getDb(), workspace.id, loopId);
  if (!view) notFound();
  const { loop, spec } = view;
  const baseUrl = publicBaseUrl(Object.fromEntries((await headers()).entries()));

  return (
    <div className="space-y-6">
      <PageHeader
        title={loop.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            {loop.taskType ? <Badge tone="indigo">{loop.taskType}</Badge> : <Badge tone="amber">not defined yet</Badge>}
            <span>
              Loop ID <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs" data-testid="loop-id">{loop.id}</code>
            </span>
          </span>
        }
        actions={
          <div className="flex flex-col gap-2 sm:items-end">
            <LoopActions
              loopId={loop.id}
              name={loop.name}
              defined={Boolean(spec)}
              canWrite={allows(role, "write")}
              settings={spec ? (spec.settings as unknown as EditableSettings & Record<string, unknown>) : null}
            />
            <GenerateKeyButton loopId={loop.id} />
          </div>
        }
      />

      {!spec ? (
        <Section title="Define this loop through the API" hint="Send the definition with this loop's id; a key from Generate API Key works for this loop only.">
          <Code>{`curl -X POST ${baseUrl}/definitions/ \\
  -H "X-api-key: $${LOOPS_KEY_VARIABLE}" -H "X-username: ${account.username}" -H "x-loop-id: ${loop.id}" \\
  -H "Content-Type: application/json" \\
  -d '{"name":"${loop.name}","task_type":"classification","input_schema":{"x":"float"},"output_schema":{"label":"string"}}'`}</Code>
        </Section>
      ) : (
        <>
          <LivePanel loopId={loop.id} initial={view.live} outputName={spec.output.name} fields={Object.keys(spec.input_schema)} />

          <Section title="Try a prediction" hint="Like /predict/, this never changes the model. Leave a field empty to send it as missing.">
            <TryPrediction loopId={loop.id} schema={spec.input_schema} />
          </Section>

          <Section title="Call it from your code">
            <Snippets baseUrl={baseUrl} loopId={loop.id} username={account.username} example={view.example} output={spec.output} />
          </Section>

          <Section title="Learner settings" hint="Fixed while the model learns; Reset… starts a fresh model with new ones.">
            <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-3" data-testid="loop-settings">
              {Object.entries(spec.settings).map(([key, value]) => (
                <div key={key} className="flex min-w-0 justify-between gap-3 border-b border-slate-100 py-1">
                  <dt className="text-slate-500">{key.replace(/_/g, " ")}</dt>
                  <dd className="truncate font-mono text-xs leading-5">{value === null ? "none" : String(value)}</dd>
                </div>
              ))}
            </dl>
          </Section>

          <Section title="Weights" hint="Per raw unit for numbers (weight ÷ σ), per category for strings; largest first.">
            {view.weights.length ? (
              <WeightsTable weights={view.weights} />
            ) : (
              <p className="text-sm text-slate-500">No weights yet: train the loop with /train/.</p>
            )}
          </Section>
        </>
      )}
      <Link href="/loops" className="text-sm text-indigo-600 hover:underline">← All loops</Link>
    </div>
  );
}
