import type { Metadata } from "next";
import Link from "@/components/workspace-link";
import { requireWorkspace } from "@/app/_server/auth";
import { Card, PageHeader } from "@/components/ui";
import { getDb } from "@/db/client";
import { workspaceCounts } from "@/lib/workspaces/summary-store";

export const metadata: Metadata = { title: "Overview" };

const SERVICES = [
  {
    href: "/loops",
    link: "Open loops",
    title: "Adaptive learning loops",
    body: "Define an input schema and one output, stream labelled examples to /train/ and ask /predict/ for answers with per-feature explanations. The model learns with every example.",
    start: "Create a loops key, then POST /definitions/.",
  },
  {
    href: "/models",
    link: "Open models",
    title: "Model registry & deployments",
    body: "Register scikit-learn models with their data, code and requirements, retrain them, and deploy them behind an inference endpoint with SHAP explanations and drift monitoring.",
    start: "Create a models key, then POST /model/add.",
  },
  {
    href: "/tasks",
    link: "Open tasks",
    title: "Human tasks",
    body: "Ask a question in plain language — multiple choice, free text, rating, media or annotations — and crunchers answer it. Poll, long-poll with ?block=N, or receive a webhook.",
    start: "Create a tasks test key, then POST /v1/requests/multiple-choice.",
  },
];

export default async function OverviewPage() {
  const { account, workspace } = await requireWorkspace("read");
  const counts = await workspaceCounts(getDb(), workspace.id);
  const stats = [
    { href: "/loops", label: "loops", value: counts.loops },
    { href: "/models", label: "models", value: counts.models },
    { href: "/deployments", label: "deployments", value: counts.deployments },
    { href: "/tasks?status=pending", label: "requests waiting", value: counts.pendingRequests },
  ];
  return (
    <>
      <PageHeader title={`Welcome, ${account.username}`} description={`${workspace.name}: three services on one app and one Postgres. Each API takes a key from the API keys page.`} />
      <div className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="workspace-counts">
        {stats.map((stat) => (
          <Link key={stat.label} href={stat.href} className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm hover:border-indigo-300">
            <span className="block text-2xl font-semibold tabular-nums text-slate-900">{stat.value.toLocaleString("en-GB")}</span>
            <span className="text-sm text-slate-600">{stat.label}</span>
          </Link>
        ))}
      </div>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        {SERVICES.map((service) => (
          <Card key={service.href} className="flex flex-col p-6">
            <h2 className="text-base font-semibold text-slate-900">{service.title}</h2>
            <p className="mt-2 flex-1 text-sm text-slate-600">{service.body}</p>
            <p className="mt-4 text-xs text-slate-500">{service.start}</p>
            <Link href={service.href} className="mt-4 text-sm font-medium text-indigo-600 hover:underline">{service.link} →</Link>
          </Card>
        ))}
      </div>
      <Card className="mt-6 flex flex-wrap items-center justify-between gap-4 p-6">
        <div>
          <h2 className="text-base font-semibold">{counts.activeKeys ? `${counts.activeKeys} active API key${counts.activeKeys === 1 ? "" : "s"}` : "First, an API key"}</h2>
          <p className="mt-1 text-sm text-slate-600">Keys are scoped to one API (loops, models or tasks) and belong to this workspace. The secret is shown once.</p>
        </div>
        <Link href="/keys" className="rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-indigo-500">Manage API keys</Link>
      </Card>
    </>
  );
}
